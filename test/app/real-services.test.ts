import { describe, expect, it } from 'vitest';
import { realServices } from '../../src/app/real-services.js';
import type { AppSession } from '../../src/app/services.js';
import { openFreshStore } from '../helpers/store-fixture.js';

describe('the run engine, loaded at the first prompt', () => {
  it('Esc pressed while the engine is still loading cancels the run once it starts', async () => {
    process.env.BAKEOFF_DEMO_DELAY_MS = '20';
    const { store, project } = await openFreshStore();
    const services = realServices({ store } as unknown as AppSession);
    const handle = services.startRun({ store, models: ['demo/alpha'], projectRoot: project, verbose: false }, 'slow please', () => undefined);
    handle.cancel();
    const run = await handle.result;
    expect(run.cancelled).toBe(true);
    expect(run.feedIndex).toBe(0);
    expect(store.metadata().runs.map((r) => r.note)).toEqual(['Interrupted (demo/alpha). /resume to continue.']);
  });

  it('a run started through the deferred handle completes and is recorded', async () => {
    process.env.BAKEOFF_DEMO_DELAY_MS = '1';
    const { store, project } = await openFreshStore();
    const services = realServices({ store } as unknown as AppSession);
    const run = await services.startRun({ store, models: ['demo/alpha'], projectRoot: project, verbose: false }, 'hello', () => undefined).result;
    expect(run.cancelled).toBe(false);
    expect(store.metadata().runs).toHaveLength(1);
  });
});

// Live figures are estimates until the endpoint's usage arrives; the final ones are the endpoint's.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drive, openRunStore, waitForUpdate } from './support/run-fixture.js';

beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '8');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('live figures', () => {
  it('are marked estimated while a turn streams and not once its usage is in; a turn cut by Esc stays an estimate', async () => {
    const opened = await openRunStore();
    const driven = drive(opened, ['demo/alpha', 'demo/beta'], 'slow work');
    const streaming = await waitForUpdate(driven, (u) => u.models.some((m) => m.status === 'running' && m.text.length > 0));
    expect(streaming.models.find((m) => m.status === 'running' && m.text.length > 0)?.estimated).toBe(true);
    const alphaDone = await waitForUpdate(driven, (u) => u.models[0].status === 'done');
    // alpha's usage came from its endpoint: the panel shows the endpoint's figures, not the estimate
    const alpha = alphaDone.models[0];
    expect(alpha.estimated).toBe(false);
    driven.handle.cancel();
    const cancelled = await driven.result;
    expect(alpha.inputTokens).toBe(cancelled.responses[0].inputTokens);
    expect(alpha.outputTokens).toBe(cancelled.responses[0].outputTokens);
    expect(driven.updates.at(-1)?.models[1]).toMatchObject({ status: 'cancelled', estimated: true });
  });

  it('an interrupted turn is charged the input the finished one reports: /resume re-sends the same request', async () => {
    // gamma streams a slow answer 20 units longer than alpha (beta only 10): 400 ms to cancel it in on a busy machine
    vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '20');
    const opened = await openRunStore();
    const driven = drive(opened, ['demo/alpha', 'demo/gamma'], 'slow work');
    await waitForUpdate(driven, (u) => u.models[0].status === 'done' && u.models[1].text.length > 0);
    driven.handle.cancel();
    const cancelled = await driven.result;
    const cut = cancelled.responses[1];
    expect(cut).toMatchObject({ modelId: 'demo/gamma', interrupted: true });
    const checkpoint = await opened.store.loadCheckpoint();
    if (!checkpoint) throw new Error('no checkpoint after Esc');
    const resumed = await drive(opened, [], '', { resume: checkpoint }).result;
    const finished = resumed.responses.find((r) => r.modelId === 'demo/gamma');
    expect(finished?.interrupted).toBeUndefined();
    expect(cut.inputTokens).toBe(finished?.inputTokens);
  });
});

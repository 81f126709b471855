import { afterEach, describe, expect, it } from 'vitest';
import type { SessionContent } from '../../store/index.js';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

async function afterOneRun(): Promise<AppDriver> {
  const driver = await startApp();
  await driver.runPrompt('first question');
  await driver.submit('s');
  // the run is on the rewind stack once recorded; the skip is done when its note is in the feed
  await driver.waitFor('Skipped.');
  await driver.waitFor('rewind 1');
  return driver;
}

describe('/clear, /wipe and /compact', () => {
  it('/clear empties the rewind stack and keeps the conversation on disk', async () => {
    app = await afterOneRun();
    await app.submit('/clear');
    await app.waitFor('Cleared the display and the rewind stack');
    expect(app.frame()).toContain('rewind 0');
    expect(app.session.store.rewindStackLen()).toBe(0);
    const content = await app.readJson<SessionContent>(app.session.store.contentPath());
    expect(Object.keys(content.histories ?? {})).toEqual(['demo/alpha', 'demo/beta']);
  });

  it('/wipe also forgets the histories, on disk too', async () => {
    app = await afterOneRun();
    await app.submit('/wipe');
    await app.waitFor('Wiped the display, the conversation histories and the rewind stack.');
    expect(app.frame()).toContain('rewind 0');
    await app.session.store.flush();
    const content = await app.readJson<SessionContent>(app.session.store.contentPath());
    expect(content.histories ?? {}).toEqual({});
    expect(content.runs).toHaveLength(1);
  });

  it('/compact summarizes the histories and empties the rewind stack', async () => {
    app = await afterOneRun();
    const before = await app.readJson<SessionContent>(app.session.store.contentPath());
    await app.submit('/compact');
    await app.waitFor(/compact/i);
    await app.waitFor('rewind 0');
    await app.session.store.flush();
    const after = await app.readJson<SessionContent>(app.session.store.contentPath());
    expect(after.histories).not.toEqual(before.histories);
  });

  it('waits while a pick is pending', async () => {
    app = await startApp();
    await app.runPrompt('pending question');
    await app.submit('/clear');
    await app.waitFor('/clear has to wait: pick a response first (or s to skip).');
    expect(app.session.store.rewindStackLen()).toBe(1);
  });
});

import { dirname } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

/** A session in a fresh data directory with one run, skipped, and the app quit. */
async function sessionWithOneRun(prompt: string, root?: string): Promise<{ root: string; id: string }> {
  const driver = await startApp({ root });
  await driver.runPrompt(prompt);
  await driver.submit('s');
  await driver.waitFor('Skipped.');
  await driver.session.store.close();
  driver.unmount();
  return { root: dirname(driver.data), id: driver.session.store.sessionId() };
}

describe('/sessions and --resume', () => {
  it('rebuilds the feed from the session files on resume, rewind stack included', async () => {
    const first = await startApp();
    await first.runPrompt('write kept.txt: data');
    await first.submit('1');
    await first.waitFor('Applied: kept.txt');
    await first.session.store.close();
    first.unmount();

    app = await startApp({ root: dirname(first.data), resume: first.session.store.sessionId() });
    const frame = app.frame();
    expect(frame).toContain(`Resumed session ${first.session.store.sessionId()}`);
    expect(frame).toContain('> write kept.txt: data');
    expect(frame).toMatch(/✓ demo\/(alpha|beta)\s+★/);
    expect(frame).toContain('Applied: kept.txt');
    expect(frame).toContain('rewind 1');
  });

  it('/sessions lists the sessions, the current one marked; Enter on another switches to it', async () => {
    const older = await sessionWithOneRun('from the older session');
    app = await startApp({ root: older.root });
    await app.runPrompt('from the newer session');
    await app.submit('s');
    await app.waitFor('Skipped.');
    const newerId = app.session.store.sessionId();

    await app.submit('/sessions');
    let frame = await app.waitFor('Sessions (2)');
    expect(frame).toMatch(/❯ ses_\S+ .*from the newer session \(current\)/);
    await app.press(KEY.down);
    await app.press(KEY.enter);
    frame = await app.waitFor(`Resumed session ${older.id}`);
    expect(frame).toContain('> from the older session');
    // the session left behind was flushed
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath().replace(older.id, newerId));
    expect(meta.runs[0].note).toBe('Skipped.');
  });

  it('/sessions <prefix> switches at once; an unknown one is an error', async () => {
    const older = await sessionWithOneRun('the one to find');
    app = await startApp({ root: older.root });
    await app.submit('/sessions ses_nothing');
    await app.waitFor('no session matches "ses_nothing"');
    await app.submit(`/sessions ${older.id.slice(0, 30)}`);
    await app.waitFor(`Resumed session ${older.id}`);
    expect(app.frame()).toContain('> the one to find');
  });
});

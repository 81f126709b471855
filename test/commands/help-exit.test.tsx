import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/registry.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';
import { waitUntil } from '../helpers/wait-until.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('/help, /exit, /quit and Ctrl-C', () => {
  it('/help lists every command from the registry and the keys, scrolled with PgDn; Esc closes it', async () => {
    app = await startApp();
    await app.submit('/help');
    let frame = await app.waitFor(/↓ \d+ more/);
    // taller than the screen: PgDn to the end, keeping every page seen
    for (let page = 0; page < 20 && /↓ \d+ more/.test(app.frame()); page++) {
      const shown = app.frame();
      await app.press(KEY.pageDown);
      // one page at a time, however slow the machine: wait for this PgDn's frame before the next
      for (let wait = 0; wait < 100 && app.frame() === shown; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
      frame += app.frame();
    }
    expect(app.frame()).toMatch(/↑ \d+ more · end/);
    for (const command of commands) expect(frame).toContain(`/${command.name}`);
    expect(frame).toContain('/exit, /quit');
    expect(frame).toContain('Ctrl-C twice');
    await app.press(KEY.escape);
    expect(app.frame()).not.toContain('Slash commands');
  });

  it('/exit flushes the Store and leaves in the session it started in', async () => {
    app = await startApp();
    await app.submit('/exit');
    await waitUntil(() => app.onExit.mock.calls.length > 0);
    expect(app.onExit).toHaveBeenCalledWith(app.session, undefined);
  });

  it('/quit is /exit', async () => {
    app = await startApp();
    await app.submit('/quit');
    await waitUntil(() => app.onExit.mock.calls.length > 0);
  });

  it('Ctrl-C once asks for a second press, twice quits', async () => {
    app = await startApp();
    await app.press('half a prompt');
    await app.press(KEY.ctrlC);
    expect(app.frame()).toContain('Press Ctrl-C again to exit');
    expect(app.frame()).not.toContain('half a prompt');
    expect(app.onExit).not.toHaveBeenCalled();
    await app.press(KEY.ctrlC);
    await waitUntil(() => app.onExit.mock.calls.length > 0);
  });
});


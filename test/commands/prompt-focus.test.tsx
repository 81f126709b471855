// The whole app with keys written several to a chunk: a panel open dims the prompt and `/` takes the keys
// back; messages during a run wait under it and follow its entry in the scrollback.
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('focus and order on the prompt line', () => {
  it('/stats then /cost Enter, typed while the stats panel has the keys, opens the cost panel', async () => {
    app = await startApp();
    await app.submit('/stats');
    await app.waitFor('Stats: this session');
    expect(app.frame()).toContain('stats has the keys');
    await app.press('/cost\r');
    await app.waitFor(/Cost\s.*Esc close/);
    expect(app.frame()).not.toContain('Stats: this session');
  });

  it('keys other than / go to the open panel, never into the prompt line', async () => {
    app = await startApp();
    await app.submit('/help');
    await app.waitFor('Slash commands');
    await app.press('abc\x01');
    await app.press('\x1b');
    await app.waitFor('Type a prompt, or /help');
  });

  it('a message during a run shows under the run and joins the scrollback after it', async () => {
    app = await startApp({
      services: (base) => ({
        ...base,
        startRun: (context, prompt, onUpdate, options) => {
          const handle = base.startRun(context, prompt, onUpdate, options);
          return { ...handle, result: handle.result.then(async (run) => (await new Promise((resolve) => setTimeout(resolve, 400)), run)) };
        },
      }),
    });
    await app.submit('first question');
    await app.waitFor('Running… Esc cancels');
    await app.submit('/stats everything');
    const during = await app.waitFor('Usage: /stats [all]');
    expect(during.indexOf('> first question')).toBeLessThan(during.indexOf('Usage: /stats [all]'));
    await app.waitFor('Pick a response');
    await app.submit('s');
    const after = await app.waitFor('Skipped.');
    expect(after.indexOf('Skipped.')).toBeLessThan(after.indexOf('Usage: /stats [all]'));
  });

  it('backslash-Enter, Alt-Enter and Ctrl-J put newlines in, and Enter sends every line', async () => {
    app = await startApp();
    await app.press('one\\\r');
    await app.press('two\x1b\r');
    await app.press('three\x0afour\r');
    await app.waitFor(/Pick a response|No response to pick/);
    expect(app.session.store.promptHistory()[0]).toBe('one\ntwo\nthree\nfour');
  });
});

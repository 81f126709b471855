import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('typing: unknown commands, Tab, prompt history, Ctrl-R, paste', () => {
  it('an unknown command says so and suggests the nearest', async () => {
    app = await startApp();
    await app.submit('/stat');
    await app.waitFor('Unknown command /stat. Did you mean /stats?');
    await app.submit('/zzzzzzzz');
    await app.waitFor('Unknown command /zzzzzzzz. Type /help for the list.');
  });

  it('lists matching commands while typing; Tab completes a command and its argument', async () => {
    app = await startApp();
    await app.press('/he');
    expect(app.frame()).toMatch(/\/help\s+List the slash commands/);
    await app.press(KEY.tab);
    expect(app.frame()).toContain('> /help');
    await app.press(KEY.ctrlC);
    await app.press('/stats a');
    await app.press(KEY.tab);
    expect(app.frame()).toContain('> /stats all');
    await app.press(KEY.enter);
    await app.waitFor('Stats: all sessions');
  });

  it('Up and Down walk the prompt history from the Store, newest first; every prompt is recorded', async () => {
    app = await startApp();
    for (const prompt of ['first prompt', 'second prompt']) {
      await app.runPrompt(prompt);
      await app.submit('s');
      await app.waitFor(`Skipped.`);
    }
    const recorded = await readFile(join(app.data, 'prompt_history.jsonl'), 'utf8');
    expect(recorded).toBe('"first prompt"\n"second prompt"\n');
    await app.press('draft');
    await app.press(KEY.up);
    expect(app.frame()).toContain('> second prompt');
    await app.press(KEY.up);
    expect(app.frame()).toContain('> first prompt');
    await app.press(KEY.down);
    await app.press(KEY.down);
    expect(app.frame()).toContain('> draft');
  });

  it('Ctrl-R searches the history; Enter takes the match, Esc gives back the draft', async () => {
    app = await startApp();
    for (const prompt of ['fix the parser', 'write the docs']) {
      await app.runPrompt(prompt);
      await app.submit('s');
      await app.waitFor('Skipped.');
    }
    await app.press('draft');
    await app.press(KEY.ctrlR);
    await app.press('pars');
    expect(app.frame()).toContain("(reverse-i-search)'pars': fix the parser");
    await app.press(KEY.enter);
    expect(app.frame()).toContain('> fix the parser');
    await app.press(KEY.ctrlC);
    await app.press('draft');
    await app.press(KEY.ctrlR);
    await app.press('zzz');
    expect(app.frame()).toContain('no match');
    await app.press(KEY.escape);
    expect(app.frame()).toContain('> draft');
  });

  it('pasted multi-line text is one prompt', async () => {
    app = await startApp({ models: ['demo/alpha'] });
    await app.press('line one\rline two');
    await app.press(KEY.enter);
    await app.waitFor('Pick a response');
    expect(app.session.store.promptHistory()[0]).toBe('line one\nline two');
  });
});

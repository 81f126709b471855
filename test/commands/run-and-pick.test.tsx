import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;

/** The number the pick list gives a model (the order depends on which answered first). */
function numberOf(frame: string, model: string): string {
  const found = new RegExp(`(\\d+)\\. ${model.replace('/', '\\/')}`).exec(frame);
  if (!found) throw new Error(`${model} is not in the pick list:\n${frame}`);
  return found[1];
}
afterEach(() => app?.unmount());

describe('a run and the pick after it', () => {
  it("numbers the OK responses; a number and Enter applies that one's writes and notes it", async () => {
    app = await startApp();
    expect(app.frame()).toContain('demo/alpha, demo/beta');
    await app.runPrompt('write notes.txt: hello');
    const frame = app.frame();
    expect(frame).toMatch(/1\. demo\/(alpha|beta)[\s\S]*2\. demo\/(alpha|beta)/);
    expect(frame).toContain('writes: +notes.txt');
    await app.submit(numberOf(frame, 'demo/beta'));
    await app.waitFor('Applied: notes.txt');
    expect(await readFile(join(app.project, 'notes.txt'), 'utf8')).toBe('HELLO');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0].selected).toBe('demo/beta');
    expect(meta.runs[0].note).toBe('Applied: notes.txt');
    expect(app.frame()).toMatch(/✓ demo\/beta\s+★/);
    expect(app.frame()).toContain('rewind 1');
    const history = await readFile(join(app.data, 'prompt_history.jsonl'), 'utf8');
    expect(history).toContain('"write notes.txt: hello"');
  });

  it('moves the choice with the arrow keys; Enter keeps the highlighted response', async () => {
    app = await startApp();
    await app.runPrompt('tell me a joke');
    const second = /2\. (demo\/\w+)/.exec(app.frame())?.[1];
    await app.press(KEY.down);
    expect(app.frame()).toContain(`❯ 2. ${second}`);
    await app.press(KEY.enter);
    await app.waitFor(`Voted for: ${second}`);
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0].note).toBe(`Voted for: ${second}`);
  });

  it('s skips; anything else says what to type', async () => {
    app = await startApp();
    await app.runPrompt('write skipped.txt: nope');
    await app.submit('9');
    await app.waitFor('No response 9: pick 1-2, or s to skip.');
    await app.submit('s');
    await app.waitFor('Skipped.');
    await expect(stat(join(app.project, 'skipped.txt'))).rejects.toThrow();
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0].note).toBe('Skipped.');
  });

  it('with one model, n (as in Errata) rates it bad: selected, rating and note as Errata records them', async () => {
    app = await startApp({ models: ['demo/alpha'] });
    await app.runPrompt('rate this');
    expect(app.frame()).toContain('y/g or n/b Enter to rate');
    await app.submit('n');
    await app.waitFor('Rated bad: demo/alpha');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0]).toMatchObject({ selected: 'demo/alpha', rating: 'bad', note: 'Rated bad: demo/alpha' });
  });

  it('a run whose only model failed offers no pick and no rating, only a retry or a skip', async () => {
    app = await startApp({ models: ['demo/gamma'] });
    await app.submit('fail now');
    await app.waitFor('Every model failed: r Enter to run them again, s Enter to skip.');
    const frame = app.frame();
    expect(frame).not.toContain('to keep it');
    expect(frame).not.toContain('to rate');
    // b is not a rating of the failure
    await app.submit('b');
    await app.waitFor('or s to skip');
    await app.submit('s');
    await app.waitFor('Skipped.');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0]).toMatchObject({ prompt_preview: 'fail now', note: 'Skipped.' });
    expect(meta.runs[0].rating ?? '').toBe('');
  });

  it('a failed model is listed as failed and not offered', async () => {
    app = await startApp({ models: ['demo/alpha', 'demo/gamma'] });
    await app.runPrompt('this will fail for gamma');
    expect(app.frame()).toContain('1. demo/alpha');
    expect(app.frame()).not.toContain('2. demo/gamma');
    await app.submit('1');
    await app.waitFor(/✗ demo\/gamma/);
  });
});

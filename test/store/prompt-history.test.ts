import { readFile, writeFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendPromptHistory, loadPromptHistory, PromptHistory } from '../../store/prompt-history.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('prompt_history.jsonl', () => {
  it('loads newest first and skips a line that is not a JSON string', async () => {
    const data = await copyErrataFixture();
    expect(await loadPromptHistory(join(data, 'prompt_history.jsonl'))).toEqual([
      'summarize the design doc',
      'add a test for Parse',
      'explain the race in cache.go',
      'fix the bug in main.go',
    ]);
  });

  it('is empty when missing', async () => {
    expect(await loadPromptHistory(join(await tempDir(), 'none.jsonl'))).toEqual([]);
  });

  it('appends one JSON string per line, oldest first on disk, multi-line prompts kept on one line', async () => {
    const path = join(await tempDir(), 'p.jsonl');
    await appendPromptHistory(path, 'one');
    await appendPromptHistory(path, 'two\nlines "quoted"');
    expect(await readFile(path, 'utf8')).toBe('"one"\n"two\\nlines \\"quoted\\""\n');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('collapses a prompt equal to the newest, keeps non-consecutive repeats', async () => {
    const path = join(await tempDir(), 'p.jsonl');
    const history = await PromptHistory.load(path);
    const results = ['a', 'a', 'b', 'a'].map((p) => history.record(p));
    await Promise.all(results.map((r) => r.durable));
    expect(results.map((r) => r.added)).toEqual([true, false, true, true]);
    expect(history.entries()).toEqual(['a', 'b', 'a']);
    expect(await loadPromptHistory(path)).toEqual(['a', 'b', 'a']);
  });

  it('keeps a new prompt whole after a torn last line', async () => {
    const path = join(await tempDir(), 'p.jsonl');
    await writeFile(path, '"kept"\n"torn');
    const history = await PromptHistory.load(path);
    await history.record('next').durable;
    expect(await loadPromptHistory(path)).toEqual(['next', 'kept']);
  });

  it('two writers appending at once never interleave inside a line', async () => {
    const path = join(await tempDir(), 'p.jsonl');
    const long = (tag: string, i: number) => `${tag}${i}:` + 'x'.repeat(3000);
    await Promise.all([
      ...Array.from({ length: 100 }, (_, i) => appendPromptHistory(path, long('a', i))),
      ...Array.from({ length: 100 }, (_, i) => appendPromptHistory(path, long('b', i))),
    ]);
    const loaded = await loadPromptHistory(path);
    expect(loaded).toHaveLength(200);
    expect(new Set(loaded).size).toBe(200);
  });
});

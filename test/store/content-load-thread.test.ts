// A big session_content.json is scanned in a worker thread by the BUILT store (the worker script sits next
// to the compiled module); the records are the same as a load in this thread gives.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveContent } from '../../store/session-files.js';
import { OFF_THREAD_FROM_BYTES } from '../../store/content-load-thread.js';
import { tempDir } from '../helpers/temp-dir.js';

const distThread = new URL('../../dist/store/content-load-thread.js', import.meta.url).pathname;

describe('loading a big session off the main thread', () => {
  it('gives the records a load in this thread gives, and names the file and field of a bad one', async () => {
    const dir = await tempDir();
    const path = join(dir, 'session_content.json');
    const text = 'y'.repeat(200_000);
    const runs = Array.from({ length: Math.ceil(OFF_THREAD_FROM_BYTES / 200_000) + 2 }, (_, i) => ({
      prompt: `p${i}`,
      prompt_hash: `h${i}`,
      models: [{ model_id: 'a', text: `${i} ${text}`, events: [] }],
    }));
    await saveContent(path, { session_id: 's', runs, histories: { a: [{ role: 'user', content: 'p0' }, { role: 'assistant', content: text }] } });
    const script = `
      const { loadContentForStore } = await import(${JSON.stringify(distThread)});
      const content = await loadContentForStore(${JSON.stringify(path)});
      console.log(JSON.stringify({ runs: content.runs.length, third: content.runs[3].models[0].text.slice(0, 4), turns: content.histories.a.length }));`;
    // the worker script is beside the built module and the file is past the threshold: this load takes the worker path
    expect(existsSync(distThread.replace('content-load-thread.js', 'content-load-worker.js'))).toBe(true);
    expect((await stat(path)).size).toBeGreaterThan(OFF_THREAD_FROM_BYTES);
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }));
    expect(out).toEqual({ runs: runs.length, third: '3 yy', turns: 2 });

    const bad = { ...runs[0], prompt: 7 };
    await saveContent(path, { runs: [...runs.slice(0, -1), bad as unknown as (typeof runs)[0]], histories: {} });
    const failing = `
      const { loadContentForStore } = await import(${JSON.stringify(distThread)});
      await loadContentForStore(${JSON.stringify(path)}).then(() => console.log('loaded'), (e) => console.log(e.name + ': ' + e.message));`;
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', failing], { encoding: 'utf8' }).trim()).toBe(
      `UnparsableFileError: ${path}: field runs.${runs.length - 1}.prompt: Invalid input: expected string, received number`,
    );
  });
});

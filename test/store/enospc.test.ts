// A full disk (ENOSPC) on a real, tiny filesystem: the previous file stays intact byte for byte, the
// Promise rejects with a WriteError that names the file and says the disk is full, no temporary file is
// left, and once there is room again the Store saves what it kept in memory. Needs root to mount a
// tmpfs; skipped otherwise (enospc-injected.test.ts covers the same path everywhere).
import { execFileSync } from 'node:child_process';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestContext } from 'vitest';
import { DurableFile } from '../../store/durable-file.js';
import { WriteError } from '../../store/errors.js';
import { Store } from '../../store/store.js';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { loadContent, loadMetadata, newSessionMetadata } from '../../store/session-files.js';
import { loadPromptHistory } from '../../store/prompt-history.js';
import { response } from '../helpers/store-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A fresh tmpfs of `size` (e.g. '1m'), unmounted after `use`; the test is skipped where mounting is not allowed. */
async function onTinyFilesystem(context: TestContext, size: string, use: (dir: string) => Promise<void>): Promise<void> {
  const dir = await tempDir('bakeoff-enospc-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    context.skip('mounting a tmpfs needs root');
    return;
  }
  try {
    await use(dir);
  } finally {
    execFileSync('umount', [dir]);
  }
}

/** Writes zeros to `path` until the filesystem refuses another byte. */
async function fillUp(path: string): Promise<void> {
  const handle = await open(path, 'w');
  const chunk = Buffer.alloc(64 * 1024);
  try {
    for (;;) {
      const { bytesWritten } = await handle.write(chunk);
      if (bytesWritten === 0) return;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

describe('a full disk', () => {
  it('a DurableFile write that does not fit rejects, names the file, keeps the previous file, leaves no temp file', async (context) => {
    await onTinyFilesystem(context, '1m', async (dir) => {
      const path = join(dir, 'session_content.json');
      const file = new DurableFile(path);
      const previous = JSON.stringify({ runs: ['x'.repeat(100_000)] });
      await file.write(() => previous);
      await fillUp(join(dir, 'filler'));

      const failed = await file.write(() => [Buffer.from('{"runs":["'), Buffer.alloc(300_000, 'y'), Buffer.from('"]}')]).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(WriteError);
      expect((failed as WriteError).message).toBe(`could not write ${path}: the disk is full; the previous file is intact`);
      expect(await readFile(path, 'utf8')).toBe(previous);
      expect((await readdir(dir)).sort()).toEqual(['filler', 'session_content.json']);
    });
  });

  it('a Store keeps the previous session files and its memory; with room again, the next run saves the failed one too', async (context) => {
    await onTinyFilesystem(context, '2m', async (dir) => {
      const layout = dataLayout(join(dir, 'data'));
      const id = newSessionId();
      const paths = sessionPathsFor(layout.sessions, id);
      const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: id, meta: newSessionMetadata(id) });
      await store.persistRunState('small', [response('a')], null, []);
      const [metadataBefore, contentBefore] = await Promise.all([readFile(paths.metadataPath), readFile(paths.contentPath)]);
      await fillUp(join(dir, 'filler'));

      const big = response('a', { text: 'z'.repeat(500_000) });
      const failed = store.persistRunState('big', [big], null, []);
      await expect(failed).rejects.toThrow(WriteError);
      await expect(failed).rejects.toThrow('the disk is full');
      await expect(store.flush()).rejects.toThrow(/could not write .*session_(metadata|content)\.json: the disk is full/);
      expect(await readFile(paths.metadataPath)).toEqual(metadataBefore);
      expect(await readFile(paths.contentPath)).toEqual(contentBefore);
      expect((await readdir(paths.dir)).sort()).toEqual(['session_content.json', 'session_metadata.json']);
      expect(store.metadata().runs).toHaveLength(2);

      await rm(join(dir, 'filler'));
      await store.persistRunState('after', [response('a')], null, []);
      await store.close();
      expect((await loadMetadata(paths.metadataPath))!.runs.map((r) => r.prompt_preview)).toEqual(['small', 'big', 'after']);
      expect((await loadContent(paths.contentPath))!.runs.map((r) => r.prompt)).toEqual(['small', 'big', 'after']);
    });
  });

  it('recording a prompt on a full disk rejects and leaves prompt_history.jsonl whole', async (context) => {
    await onTinyFilesystem(context, '1m', async (dir) => {
      const layout = dataLayout(join(dir, 'data'));
      const id = newSessionId();
      const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: sessionPathsFor(layout.sessions, id), sessionId: id, meta: newSessionMetadata(id) });
      // A line of exactly one page: the file ends on a page boundary, so the next line needs a new page.
      const before = 'b'.repeat(4093);
      await store.recordPrompt(before);
      await fillUp(join(dir, 'filler'));
      await expect(store.recordPrompt('after')).rejects.toThrow(`could not write ${layout.promptHistory}: the disk is full`);
      expect(await readFile(layout.promptHistory, 'utf8')).toBe(`"${before}"\n`);
      expect(await loadPromptHistory(layout.promptHistory)).toEqual([before]);
      await store.close().catch(() => undefined);
    });
  });

  // A nearly full disk takes part of a line (a short write(2)): that must be a failure, never a torn "saved" prompt.
  it('recording a prompt when only part of its line fits rejects instead of tearing the line', async (context) => {
    await onTinyFilesystem(context, '256k', async (dir) => {
      const path = join(dir, 'prompt_history.jsonl');
      const { appendPromptHistory } = await import('../../store/prompt-history.js');
      await fillUp(join(dir, 'filler'));
      const filler = await open(join(dir, 'filler'), 'r+');
      await filler.truncate((await filler.stat()).size - 4096); // exactly one free page
      await filler.close();
      await expect(appendPromptHistory(path, 'q'.repeat(6000))).rejects.toThrow('the disk is full');
      expect(await loadPromptHistory(path)).toEqual([]);
    });
  });
});

// Applying a choice is all or nothing: when one write fails, the files already written are put back, the
// error names the failed write, nothing is recorded, and the rewind stack is unchanged.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApplyError, applyWritesAtomically, loadMetadata } from '../../store/index.js';
import type { FileWrite } from '../../store/index.js';
import { applyChoice } from '../../src/runs/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { openRunStore, runPrompt } from './support/run-fixture.js';

beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '1');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A project with important.txt, a.txt (a file) and dir/ (a directory). */
async function project(): Promise<string> {
  const root = await tempDir('bakeoff-apply-');
  await writeFile(join(root, 'important.txt'), 'original');
  await writeFile(join(root, 'a.txt'), 'a file');
  await mkdir(join(root, 'dir'));
  return root;
}

const failing: [string, FileWrite[], string][] = [
  ['a write below a file', [{ path: 'important.txt', content: 'overwritten' }, { path: 'new/created.txt', content: 'new' }, { path: 'a.txt/sub.txt', content: 'x' }], 'a.txt/sub.txt'],
  ['a deletion, then a write two levels below a file', [{ path: 'important.txt', delete: true, content: '' }, { path: 'a.txt/deep/x.txt', content: 'x' }], 'a.txt/deep/x.txt'],
  ['the same file written twice before the failure', [{ path: 'important.txt', content: 'one' }, { path: 'important.txt', content: 'two' }, { path: 'a.txt/x', content: 'x' }], 'a.txt/x'],
];

describe('applyWritesAtomically', () => {
  it.each(failing)('%s puts back every file already written and names the failed write', async (_name, writes, failedPath) => {
    const root = await project();
    const error = await applyWritesAtomically(writes, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplyError);
    expect((error as ApplyError).failedPath).toBe(failedPath);
    expect((error as Error).message).toMatch(new RegExp(`^could not write ${failedPath}: .+; nothing was applied \\(important\\.txt.* put back`));
    expect(await readFile(join(root, 'important.txt'), 'utf8')).toBe('original');
    expect(existsSync(join(root, 'new', 'created.txt'))).toBe(false);
    expect(await readFile(join(root, 'a.txt'), 'utf8')).toBe('a file');
  });

  it('a path that cannot be snapshotted (a directory) is refused before anything is written', async () => {
    const root = await project();
    await expect(applyWritesAtomically([{ path: 'important.txt', content: 'overwritten' }, { path: 'dir', content: 'x' }], root)).rejects.toThrow('dir');
    expect(await readFile(join(root, 'important.txt'), 'utf8')).toBe('original');
  });

  it('applies everything and returns the snapshots taken before', async () => {
    const root = await project();
    const { applied, snapshots } = await applyWritesAtomically([{ path: 'important.txt', content: 'new' }, { path: 'b.txt', content: 'b' }], root);
    expect(applied).toEqual(['important.txt', 'b.txt']);
    expect(snapshots.map((s) => [s.content.toString('utf8'), s.didNotExist])).toEqual([['original', false], ['', true]]);
  });
});

describe('applyChoice', () => {
  it('a pick whose second write fails leaves the project, the run record and the rewind stack as they were', async () => {
    const opened = await openRunStore();
    const { store, project: root } = opened;
    await writeFile(join(root, 'important.txt'), 'original');
    await writeFile(join(root, 'a.txt'), 'a file');
    const run = await runPrompt(opened, ['demo/alpha'], 'write important.txt: overwritten\nwrite a.txt/sub.txt: x');
    expect(run.responses[0].proposedWrites?.map((w) => w.path)).toEqual(['important.txt', 'a.txt/sub.txt']);
    await expect(applyChoice(store, run, { kind: 'pick', modelId: 'demo/alpha' }, root)).rejects.toThrow(/could not write a\.txt\/sub\.txt: .*nothing was applied/);
    expect(await readFile(join(root, 'important.txt'), 'utf8')).toBe('original');
    const summary = (await loadMetadata(store.metadataPath()))!.runs[0];
    expect(summary.selected).toBeUndefined();
    expect(summary.applied_files).toBeUndefined();
    expect(store.rewindEntries()[0].files).toEqual([]);
    // a rewind now changes no file
    await store.rewind();
    expect(await readFile(join(root, 'important.txt'), 'utf8')).toBe('original');
  });

  it('a pick whose rewind snapshots cannot be recorded puts its files back: applied only if rewind can undo it', async () => {
    const opened = await openRunStore();
    const { store, project: root } = opened;
    await writeFile(join(root, 'important.txt'), 'original');
    const run = await runPrompt(opened, ['demo/alpha'], 'write important.txt: overwritten\nwrite new.txt: new');
    // the session's snapshots/ cannot be made: a file is in the way
    const snapshots = join(dirname(store.metadataPath()), 'snapshots');
    await rm(snapshots, { recursive: true, force: true });
    await writeFile(snapshots, 'in the way');
    await expect(applyChoice(store, run, { kind: 'pick', modelId: 'demo/alpha' }, root)).rejects.toThrow(
      /^could not record the rewind snapshots \(.+\); nothing was applied \(important\.txt, new\.txt put back\)$/,
    );
    expect(await readFile(join(root, 'important.txt'), 'utf8')).toBe('original');
    expect(existsSync(join(root, 'new.txt'))).toBe(false);
    const summary = (await loadMetadata(store.metadataPath()))!.runs[0];
    expect(summary.selected).toBeUndefined();
    expect(summary.applied_files).toBeUndefined();
  });
});

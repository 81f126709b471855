import { chmod, lstat, mkdir, mkdtemp, readFile, readdir, readlink, rm, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { escapingPaths, makeEscapeTree } from '../helpers/escape-tree.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RestoreError, applyWrites, restoreSnapshots, snapshotFiles } from '../../store/file-snapshots.js';
import { PathRefusedError } from '../../store/project-path.js';
import type { FileWrite } from '../../store/types.js';

let base: string;
let root: string;
let realRoot: string;

/** Everything under `dir`: files with content and mode, links with their target, directories. */
async function listing(dir: string, prefix = ''): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) {
    const full = path.join(dir, name);
    const rel = path.join(prefix, name);
    const info = await lstat(full);
    if (info.isSymbolicLink()) entries[rel] = `link -> ${await readlink(full)}`;
    else if (info.isDirectory()) Object.assign(entries, { [rel]: 'dir' }, await listing(full, rel));
    else entries[rel] = `file ${(info.mode & 0o777).toString(8)} ${await readFile(full, 'utf8')}`;
  }
  return entries;
}

async function modeOf(file: string): Promise<number> {
  return (await stat(file)).mode & 0o777;
}

beforeEach(async () => {
  ({ base, root, realRoot } = await makeEscapeTree('bakeoff-snap-'));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const refused: [string, () => string][] = [
  ...escapingPaths(() => base),
];

describe('a refused path leaves the tree untouched', () => {
  it.each(refused)('applyWrites refuses %s before writing anything', async (_name, make) => {
    const bad = make();
    const before = await listing(base);
    for (const badWrite of [
      { path: bad, content: 'pwned' },
      { path: bad, content: '', delete: true },
    ]) {
      const writes: FileWrite[] = [{ path: 'ok.txt', content: 'written first' }, badWrite, { path: 'real/f.txt', content: 'changed' }];
      await expect(applyWrites(writes, root)).rejects.toBeInstanceOf(PathRefusedError);
      expect(await listing(base)).toEqual(before);
    }
  });

  it.each(refused)('snapshotFiles refuses %s', async (_name, make) => {
    await expect(snapshotFiles([{ path: make(), content: 'x' }], root)).rejects.toBeInstanceOf(PathRefusedError);
  });

  it.each(refused)('restoreSnapshots refuses %s, names it, and still restores the others', async (_name, make) => {
    const bad = make();
    for (const didNotExist of [false, true]) {
      await writeFile(path.join(root, 'real', 'f.txt'), 'changed');
      const expected = await listing(base);
      expected[path.join('project', 'real', 'f.txt')] = 'file 644 inside';
      const snaps = [
        { path: path.join(root, 'real', 'f.txt'), content: Buffer.from('inside'), didNotExist: false },
        { path: bad, content: Buffer.from('pwned'), didNotExist },
      ];
      const err = await restoreSnapshots(snaps, root).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RestoreError);
      const restoreErr = err as RestoreError;
      expect(restoreErr.failures.map((f) => f.path)).toEqual([bad]);
      expect(restoreErr.failures[0].reason).toContain(`refused path ${JSON.stringify(bad)}`);
      expect(restoreErr.message).toContain(bad);
      expect(restoreErr.restored).toEqual([path.join(root, 'real', 'f.txt')]);
      expect(await listing(base)).toEqual(expected);
    }
  });
});

/** Snapshot, apply, check, restore: the round trip every test below goes through. */
async function applyAndRestore(writes: FileWrite[], checkApplied: () => Promise<void>): Promise<void> {
  const before = await listing(root);
  const snaps = await snapshotFiles(writes, root);
  await applyWrites(writes, root);
  await checkApplied();
  await restoreSnapshots(snaps, root);
  const after = await listing(root);
  // directories created for new files stay (a snapshot does not record them): compare the rest
  for (const [rel, kind] of Object.entries(after)) if (kind === 'dir' && !(rel in before)) delete after[rel];
  expect(after).toEqual(before);
}

describe('applyWrites and restoreSnapshots', () => {
  it('apply creates a new file and restore removes it', async () => {
    await applyAndRestore([{ path: 'new.txt', content: 'hello' }], async () => {
      expect(await readFile(path.join(root, 'new.txt'), 'utf8')).toBe('hello');
    });
  });

  it('apply overwrites a file and restore brings the old content back', async () => {
    await applyAndRestore([{ path: 'real/f.txt', content: 'replaced' }], async () => {
      expect(await readFile(path.join(root, 'real', 'f.txt'), 'utf8')).toBe('replaced');
    });
  });

  it('apply deletes a file and restore recreates it', async () => {
    await applyAndRestore([{ path: 'real/f.txt', content: '', delete: true }], async () => {
      await expect(stat(path.join(root, 'real', 'f.txt'))).rejects.toThrow();
    });
  });

  it('deleting a file that does not exist is fine', async () => {
    await applyAndRestore([{ path: 'never/was.txt', content: '', delete: true }], async () => {});
  });

  it('apply creates nested new directories; restore removes the file and leaves the directories', async () => {
    await applyAndRestore([{ path: 'n1/n2/n3/deep.txt', content: 'deep' }], async () => {
      expect(await readFile(path.join(root, 'n1', 'n2', 'n3', 'deep.txt'), 'utf8')).toBe('deep');
    });
    expect((await stat(path.join(root, 'n1', 'n2', 'n3'))).isDirectory()).toBe(true);
  });

  it('a file keeps its mode through apply and restore', async () => {
    const script = path.join(root, 'real', 'run.sh');
    await writeFile(script, '#!/bin/sh\n');
    await chmod(script, 0o755);
    const snaps = await snapshotFiles([{ path: 'real/run.sh', content: '' }], root);
    await applyWrites([{ path: 'real/run.sh', content: '#!/bin/sh\necho hi\n' }], root);
    expect(await modeOf(script)).toBe(0o755);
    await restoreSnapshots(snaps, root);
    expect(await modeOf(script)).toBe(0o755);
    expect(await readFile(script, 'utf8')).toBe('#!/bin/sh\n');
  });

  it('a new file is written with mode 0644', async () => {
    await applyWrites([{ path: 'fresh.txt', content: 'x' }], root);
    expect(await modeOf(path.join(root, 'fresh.txt'))).toBe(0o644);
  });

  it('unicode content survives apply and restore', async () => {
    const unicode = 'héllo wörld — 日本語 🍰\u2028end';
    await writeFile(path.join(root, 'real', 'f.txt'), unicode);
    await applyAndRestore([{ path: 'real/f.txt', content: 'ça va? 👍' }], async () => {
      expect(await readFile(path.join(root, 'real', 'f.txt'), 'utf8')).toBe('ça va? 👍');
    });
    expect(await readFile(path.join(root, 'real', 'f.txt'), 'utf8')).toBe(unicode);
  });

  it('a binary file survives apply and restore byte for byte', async () => {
    const bytes = Buffer.from([0xff, 0xd8, 0x00, 0x80, 0x81, 0xc3, 0x28]);
    await writeFile(path.join(root, 'real', 'f.txt'), bytes);
    await applyAndRestore([{ path: 'real/f.txt', content: 'text' }], async () => {});
    expect(await readFile(path.join(root, 'real', 'f.txt'))).toEqual(bytes);
  });

  it('a named pipe in the project is refused at once, never waited on, and nothing is written', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    await expect(snapshotFiles([{ path: 'pipe', content: 'x' }], root)).rejects.toThrow(/could not snapshot .*pipe: it is a named pipe, not a regular file/);
  });

  it('empty content is written as an empty file and an empty file is restored as one', async () => {
    await writeFile(path.join(root, 'empty.txt'), '');
    const writes = [{ path: 'empty.txt', content: 'now full' }, { path: 'real/f.txt', content: '' }];
    await applyAndRestore(writes, async () => {
      expect(await readFile(path.join(root, 'real', 'f.txt'), 'utf8')).toBe('');
    });
  });

  it('a write through a symlink inside the root changes the target and keeps the link', async () => {
    await applyAndRestore([{ path: 'in-file', content: 'via link' }], async () => {
      expect((await lstat(path.join(root, 'in-file'))).isSymbolicLink()).toBe(true);
      expect(await readFile(path.join(root, 'real', 'f.txt'), 'utf8')).toBe('via link');
    });
  });

  it('an absolute path inside the root is applied', async () => {
    await applyAndRestore([{ path: path.join(root, 'abs.txt'), content: 'absolute' }], async () => {
      expect(await readFile(path.join(root, 'abs.txt'), 'utf8')).toBe('absolute');
    });
  });

  it('applyWrites applies in order and returns the relative paths once each', async () => {
    const writes = [{ path: 'x.txt', content: 'one' }, { path: 'sub/y.txt', content: 'y' }, { path: './x.txt', content: 'two' }];
    const applied = await applyWrites(writes, root);
    expect(applied).toEqual(['x.txt', path.join('sub', 'y.txt')]);
    expect(await readFile(path.join(root, 'x.txt'), 'utf8')).toBe('two');
  });

  it('snapshotFiles captures each distinct file once, first occurrence wins, with absolute paths', async () => {
    const snaps = await snapshotFiles(
      [
        { path: 'real/f.txt', content: 'a' },
        { path: 'new.txt', content: 'b' },
        { path: path.join(root, 'real', 'f.txt'), content: 'c' },
        { path: 'in-file', content: 'd' },
      ],
      root,
    );
    expect(snaps).toEqual([
      { path: path.join(realRoot, 'real', 'f.txt'), content: Buffer.from('inside'), didNotExist: false },
      { path: path.join(realRoot, 'new.txt'), content: Buffer.from(''), didNotExist: true },
    ]);
  });

  it('restore goes in reverse order so the first snapshot of a path wins', async () => {
    const file = path.join(root, 'real', 'f.txt');
    const snaps = [{ path: file, content: Buffer.from('oldest'), didNotExist: false }, { path: file, content: Buffer.from('newer'), didNotExist: false }];
    await restoreSnapshots(snaps, root);
    expect(await readFile(file, 'utf8')).toBe('oldest');
  });

  it('a failed restore of one file does not stop the others, and the error names it', async () => {
    await writeFile(path.join(root, 'blocker'), 'a file, not a directory');
    const good = path.join(root, 'real', 'f.txt');
    const blocked = path.join(root, 'blocker', 'x.txt');
    await writeFile(good, 'changed');
    const err = await restoreSnapshots(
      [
        { path: good, content: Buffer.from('inside'), didNotExist: false },
        { path: blocked, content: Buffer.from('cannot go here'), didNotExist: false },
      ],
      root,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RestoreError);
    expect((err as RestoreError).message).toContain(blocked);
    expect((err as RestoreError).restored).toEqual([good]);
    expect(await readFile(good, 'utf8')).toBe('inside');
  });

  it('restoreSnapshots returns the restored paths in snapshot order', async () => {
    const snaps = await snapshotFiles([{ path: 'real/f.txt', content: 'x' }, { path: 'new.txt', content: 'y' }], root);
    await applyWrites([{ path: 'new.txt', content: 'y' }], root);
    expect(await restoreSnapshots(snaps, root)).toEqual(snaps.map((s) => s.path));
  });
});

/** The files under `dir` (path -> bytes), ignoring directories. */
async function fileBytes(dir: string, prefix = ''): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) for (const [k, v] of await fileBytes(path.join(dir, entry.name), rel)) files.set(k, v);
    else files.set(rel, (await readFile(path.join(dir, entry.name))).toString('hex'));
  }
  return files;
}

describe('apply then restore is a round trip', () => {
  const pool = ['a.txt', 'b.txt', 'd1/c.txt', 'd1/e.txt', 'd2/f.txt', 'd1/new/g.txt', 'n1/n2/h.txt', 'd2/sub/i.txt'];
  const content = fc.string({ unit: 'binary', maxLength: 40 });
  const initialTree = fc.dictionary(fc.constantFrom(...pool), content, { maxKeys: 5 });
  const write = fc.record({ path: fc.constantFrom(...pool), content, delete: fc.boolean() });

  it('restoring the snapshots gives back the initial files byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(initialTree, fc.array(write, { maxLength: 10 }), async (initial, writes) => {
        const dir = await mkdtemp(path.join(os.tmpdir(), 'bakeoff-prop-'));
        try {
          for (const [rel, text] of Object.entries(initial)) {
            await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
            await writeFile(path.join(dir, rel), text);
          }
          const before = await fileBytes(dir);
          const snaps = await snapshotFiles(writes, dir);
          await applyWrites(writes, dir);
          await restoreSnapshots(snaps, dir);
          expect(await fileBytes(dir)).toEqual(before);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 60 },
    );
  });
});

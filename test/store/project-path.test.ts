import { rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { escapingPaths, makeEscapeTree } from '../helpers/escape-tree.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PathRefusedError, lexicalRelative, resolveInsideRoot } from '../../store/project-path.js';

let base: string;
let root: string;
let realRoot: string;

beforeEach(async () => {
  ({ base, root, realRoot } = await makeEscapeTree('bakeoff-path-'));
  await symlink('.', path.join(root, 'self'));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const refused: [string, () => string][] = [
  ...escapingPaths(() => base),
  ['a sibling whose name starts like the root', () => path.join(base, 'project-evil', 'x')],
  ['a new file below a symlink pointing outside', () => 'link/new/deeper.txt'],
  ['a path that normalizes to the root', () => 'a/..'],
  ['the root as an absolute path', () => root],
  ['a symlink that leads to the root itself', () => 'self'],
];

describe('resolveInsideRoot refuses paths that leave the project root', () => {
  it.each(refused)('refuses %s with an error naming the path', async (_name, make) => {
    const proposed = make();
    const err = await resolveInsideRoot(root, proposed).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PathRefusedError);
    const refusal = err as PathRefusedError;
    expect(refusal.path).toBe(proposed);
    expect(refusal.root).toBe(root);
    expect(refusal.message).toContain(`refused path ${JSON.stringify(proposed)}`);
  });

  it('says "outside the project root" and names the root for a parent escape', async () => {
    await expect(resolveInsideRoot(root, '../x')).rejects.toThrow(`refused path "../x": outside the project root ${root}`);
  });
});

describe('resolveInsideRoot accepts paths inside the project root', () => {
  it('resolves a plain relative path to an absolute one', async () => {
    expect(await resolveInsideRoot(root, 'real/f.txt')).toBe(path.join(realRoot, 'real', 'f.txt'));
  });

  it('accepts a new file in new nested directories', async () => {
    expect(await resolveInsideRoot(root, 'n1/n2/new.txt')).toBe(path.join(realRoot, 'n1', 'n2', 'new.txt'));
  });

  it('accepts an absolute path inside the root', async () => {
    expect(await resolveInsideRoot(root, path.join(root, 'real', 'f.txt'))).toBe(path.join(realRoot, 'real', 'f.txt'));
  });

  it('accepts a .. that stays inside the root', async () => {
    expect(await resolveInsideRoot(root, 'real/../real/f.txt')).toBe(path.join(realRoot, 'real', 'f.txt'));
  });

  it('follows a symlinked directory that points inside the root', async () => {
    expect(await resolveInsideRoot(root, 'in-link/f.txt')).toBe(path.join(realRoot, 'real', 'f.txt'));
    expect(await resolveInsideRoot(root, 'in-link/new/g.txt')).toBe(path.join(realRoot, 'real', 'new', 'g.txt'));
  });

  it('follows a final symlink that points inside the root to its target', async () => {
    expect(await resolveInsideRoot(root, 'in-file')).toBe(path.join(realRoot, 'real', 'f.txt'));
  });

  it('accepts a root reached through a symlink, with absolute paths in either spelling', async () => {
    const rootLink = path.join(base, 'root-link');
    await symlink(root, rootLink);
    const expected = path.join(realRoot, 'real', 'f.txt');
    expect(await resolveInsideRoot(rootLink, 'real/f.txt')).toBe(expected);
    expect(await resolveInsideRoot(rootLink, path.join(rootLink, 'real', 'f.txt'))).toBe(expected);
    expect(await resolveInsideRoot(rootLink, path.join(root, 'real', 'f.txt'))).toBe(expected);
  });
});

describe('lexicalRelative checks a path without touching the disk', () => {
  it('returns the normalized relative path or null', () => {
    expect(lexicalRelative(['/p'], 'a/./b/../c')).toBe(path.join('a', 'c'));
    expect(lexicalRelative(['/p'], '/p/a')).toBe('a');
    expect(lexicalRelative(['/p'], '../p/a')).toBe('a');
    expect(lexicalRelative(['/p'], '../x')).toBeNull();
    expect(lexicalRelative(['/p'], '/px/a')).toBeNull();
    expect(lexicalRelative(['/p'], '.')).toBeNull();
    expect(lexicalRelative(['/p'], '')).toBeNull();
    expect(lexicalRelative(['/p'], 'a\u0000')).toBeNull();
  });
});

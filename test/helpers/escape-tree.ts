// The tree every path-safety test starts from: base/outside holds what must never be reached, base/project
// is the root, with links of every kind (outside, inside, dangling, deep) and the paths that must be refused.
import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface EscapeTree {
  base: string;
  root: string;
  realRoot: string;
}

export async function makeEscapeTree(prefix: string): Promise<EscapeTree> {
  const base = await mkdtemp(path.join(os.tmpdir(), prefix));
  const root = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  await mkdir(path.join(outside, 'dir'), { recursive: true });
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await writeFile(path.join(outside, 'dir', 'file'), 'outside file');
  await mkdir(path.join(root, 'real'), { recursive: true });
  await mkdir(path.join(root, 'a', 'b'), { recursive: true });
  await writeFile(path.join(root, 'real', 'f.txt'), 'inside');
  await symlink(outside, path.join(root, 'link'));
  await symlink(outside, path.join(root, 'a', 'b', 'link'));
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'out-file'));
  await symlink(path.join(outside, 'nope.txt'), path.join(root, 'dangling'));
  await symlink('real', path.join(root, 'in-link'));
  await symlink(path.join('real', 'f.txt'), path.join(root, 'in-file'));
  return { base, root, realRoot: await realpath(root) };
}

/** Paths that leave the root of the tree made under `base()` (read when a test runs), each with what it tries. */
export function escapingPaths(base: () => string): [string, () => string][] {
  return [
    ['a parent escape', () => '../x'],
    ['an escape hidden behind a directory', () => 'a/../../x'],
    ['/etc/passwd', () => '/etc/passwd'],
    ['an absolute path outside the root', () => path.join(base(), 'outside', 'secret.txt')],
    ['a NUL byte', () => 'a\u0000b'],
    ['a final symlink pointing outside', () => 'out-file'],
    ['a symlinked intermediate directory pointing outside', () => 'link/dir/file'],
    ['a deep symlink pointing outside', () => 'a/b/link/c'],
    ['a dangling symlink pointing outside', () => 'dangling'],
    ['.', () => '.'],
    ['an empty path', () => ''],
  ];
}

// `mkdir -p` that always ends: Node's `mkdir(dir, { recursive: true })` spins forever when a directory that
// exists answers ENOENT for a child it can never hold (`/proc/nope`), so a write there would hang.
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { assertNoDataLink } from './data-links.js';

/** Creates `dir` and its missing parents, one level at a time; a level that cannot be made fails naming it. */
export async function makeDirectories(dir: string): Promise<void> {
  // a link below a data directory would put what is made here outside it
  await assertNoDataLink(dir);
  const missing: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw cannotCreate(current, error);
    });
    if (info) {
      if (!info.isDirectory()) throw cannotCreate(current, Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }));
      break;
    }
    missing.push(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing.reverse()) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw cannotCreate(level, error);
    });
  }
}

/** Keeps the errno code (ENOSPC stays "the disk is full") and names the directory in words. */
function cannotCreate(dir: string, cause: NodeJS.ErrnoException): NodeJS.ErrnoException {
  const reason = cause.code === 'ENOENT' ? 'it cannot be created there' : cause.code === 'ENOTDIR' ? 'a file is in the way' : cause.message;
  return Object.assign(new Error(`cannot create the directory ${dir} (${reason})`), { code: cause.code });
}

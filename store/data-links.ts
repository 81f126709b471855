// No write below a data directory goes through a symbolic link: a repository that ships `data/` with
// `data/sessions -> ~/elsewhere` (or a link for one session, the trash, the staging area) must not make
// bakeoff create, write or move anything outside the data directory. The data directory itself is the
// user's choice and may be a link; every directory below it must be a real one. `dataLayout` registers
// each data directory it lays out, so every writer in the store (which only sees paths) is checked here.
import { lstat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

const dataRoots = new Set<string>();

/** From now on, writes below `root` are checked for links (dataLayout calls this). */
export function registerDataRoot(root: string): void {
  dataRoots.add(resolve(root));
}

/** A write refused because a directory on its way is a symbolic link; the message names that link. */
export class DataLinkError extends Error {
  readonly code = 'EDATALINK';
  constructor(readonly link: string) {
    super(`${link} is a symbolic link, and bakeoff never writes through a link inside the data directory`);
    this.name = 'DataLinkError';
  }
}

/** The registered data directory `path` lies below (the deepest one), or null. */
function rootOf(path: string): string | null {
  let found: string | null = null;
  for (const root of dataRoots) {
    const rel = relative(root, path);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && (found === null || root.length > found.length)) found = root;
  }
  return found;
}

/**
 * Rejects with a DataLinkError when `path` (a file or directory about to be made, written or moved) or a
 * directory between its data directory and it is a symbolic link. A path outside every data directory passes.
 */
export async function assertNoDataLink(path: string): Promise<void> {
  const absolute = resolve(path);
  const root = rootOf(absolute);
  if (root === null) return;
  const levels: string[] = [];
  for (let current = absolute; current !== root && current.startsWith(root + sep); current = dirname(current)) levels.push(current);
  // from the top down: below the first missing level nothing exists yet, so nothing can be a link
  for (const level of levels.reverse()) {
    const info = await lstat(level).catch(() => null);
    if (!info) return;
    if (info.isSymbolicLink()) throw new DataLinkError(level);
  }
}

/** assertNoDataLink for the directory a file is written in (the file itself is checked where it is written). */
export function assertNoDataLinkAbove(file: string): Promise<void> {
  return assertNoDataLink(dirname(file));
}

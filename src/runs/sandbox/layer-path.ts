// A path a model names, resolved inside its layer's view of the project. The view may be reached
// through /proc/<pid>/root (the overlay is mounted in another namespace), where realpath would leave
// it, so every component is walked with lstat and a link is followed by hand: an absolute target must
// name the project as bash sees it, a relative one must stay inside; anything else is refused.
import { lstat, readlink } from 'node:fs/promises';
import path from 'node:path';
import { isWithin, lexicalRelative, PathRefusedError } from '../../../store/index.js';

/** A resolved path in the view: `absolute` has no symbolic link left in it. */
export interface ViewPath {
  absolute: string;
  /** relative to the project root */
  relative: string;
}

const maxLinks = 40;

/**
 * Resolves `proposed` (relative, or absolute under one of `projectRoots`, the paths bash knows the
 * project by) inside `viewRoot`. Throws PathRefusedError naming the path when it would leave.
 */
export async function resolveInView(viewRoot: string, projectRoots: readonly string[], proposed: string): Promise<ViewPath> {
  const refuse = (reason: string): PathRefusedError => new PathRefusedError(proposed, projectRoots[0], reason);
  const relative = lexicalRelative(projectRoots, proposed);
  if (relative === null) throw refuse(proposed === '' || projectRoots.includes(path.resolve(projectRoots[0], proposed)) ? 'names the project root itself, not a file' : `outside the project root ${projectRoots[0]}`);
  let pending = relative.split(path.sep);
  let current = viewRoot;
  let links = 0;
  while (pending.length > 0) {
    const [name, ...rest] = pending;
    const candidate = path.join(current, name);
    let isLink: boolean;
    try {
      isLink = (await lstat(candidate)).isSymbolicLink();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
      return finished(viewRoot, path.join(candidate, ...rest), refuse);
    }
    if (!isLink) {
      current = candidate;
      pending = rest;
      continue;
    }
    if (++links > maxLinks) throw refuse('too many symbolic links');
    const target = await readlink(candidate);
    const inside = path.isAbsolute(target) ? lexicalRelative(projectRoots, target) : relativeInside(viewRoot, path.resolve(current, target));
    if (inside === null) throw refuse(`the symbolic link ${path.relative(viewRoot, candidate)} leads outside the project root ${projectRoots[0]}`);
    pending = [...(inside === '' ? [] : inside.split(path.sep)), ...rest];
    current = viewRoot;
  }
  return finished(viewRoot, current, refuse);
}

function relativeInside(viewRoot: string, absolute: string): string | null {
  return isWithin(viewRoot, absolute) ? path.relative(viewRoot, absolute) : null;
}

function finished(viewRoot: string, absolute: string, refuse: (reason: string) => PathRefusedError): ViewPath {
  if (absolute === viewRoot) throw refuse('leads to the project root itself, not a file');
  return { absolute, relative: path.relative(viewRoot, absolute) };
}

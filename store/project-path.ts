// Keeps every write, deletion, snapshot and restore inside the project root.
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';

/** A path that would leave the project root (or is unusable); the message names both. */
export class PathRefusedError extends Error {
  constructor(
    readonly path: string,
    readonly root: string,
    readonly reason: string,
  ) {
    super(`refused path ${JSON.stringify(path)}: ${reason}`);
    this.name = 'PathRefusedError';
  }
}

/** A project path resolved for use: `absolute` has no symbolic link in it. */
export interface ProjectPath {
  /** canonical absolute path: existing components resolved with realpath, the missing tail appended */
  absolute: string;
  /** the path as proposed, normalized and relative to the root (for messages) */
  relative: string;
}

/** True when `child` is `parent` or lies below it; both absolute and normalized. */
export function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/**
 * Lexical check, no disk access: the path relative to the root, or null when it is empty, the
 * root itself, holds a NUL byte or climbs out. `roots` are the given and the real root.
 */
export function lexicalRelative(roots: readonly string[], proposed: string): string | null {
  if (proposed === '' || proposed.includes('\0')) return null;
  for (const root of roots) {
    const absolute = path.resolve(root, proposed);
    if (absolute !== root && isWithin(root, absolute)) return path.relative(root, absolute);
  }
  return null;
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  // ENOTDIR: a component is a file, so nothing below it exists; the write itself will fail clearly
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Resolves `proposed` (relative to `root`, or absolute inside it) or throws PathRefusedError. */
export async function resolveProjectPath(root: string, proposed: string): Promise<ProjectPath> {
  const givenRoot = path.resolve(root);
  const realRoot = await realpath(givenRoot);
  const refuse = (reason: string): PathRefusedError => new PathRefusedError(proposed, givenRoot, reason);

  if (proposed.includes('\0')) throw refuse('contains a NUL byte');
  const relative = lexicalRelative([givenRoot, realRoot], proposed);
  if (relative === null) {
    const isRoot = proposed === '' || [givenRoot, realRoot].includes(path.resolve(givenRoot, proposed));
    throw refuse(isRoot ? `names the project root ${givenRoot} itself, not a file` : `outside the project root ${givenRoot}`);
  }

  // walk from the real root one component at a time so a link at any depth is seen
  const components = relative.split(path.sep);
  let current = realRoot;
  for (let i = 0; i < components.length; i++) {
    const candidate = path.join(current, components[i]);
    let isLink: boolean;
    try {
      isLink = (await lstat(candidate)).isSymbolicLink();
    } catch (err) {
      if (!isMissing(err)) throw err;
      // the rest does not exist yet: it will be created below `current`, which is inside
      return { absolute: path.join(current, ...components.slice(i)), relative };
    }
    if (!isLink) {
      current = candidate;
      continue;
    }
    let target: string;
    try {
      target = await realpath(candidate);
    } catch {
      // where a dangling link leads cannot be checked once it is written through, so refuse it
      throw refuse(`${path.join(...components.slice(0, i + 1))} is a dangling symbolic link`);
    }
    if (!isWithin(realRoot, target)) {
      throw refuse(`the symbolic link ${path.join(...components.slice(0, i + 1))} leads outside the project root ${givenRoot}`);
    }
    current = target;
  }
  if (current === realRoot) throw refuse(`leads to the project root ${givenRoot} itself, not a file`);
  return { absolute: current, relative };
}

/** The canonical absolute path of `proposed`, or a PathRefusedError naming it. */
export async function resolveInsideRoot(root: string, proposed: string): Promise<string> {
  return (await resolveProjectPath(root, proposed)).absolute;
}

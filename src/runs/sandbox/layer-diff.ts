// A layer's proposal: the files it created, modified and deleted compared with the project, whoever
// changed them (a tool or a shell command). Protected paths never take part; links, special files,
// binary and big files cannot be a proposal and are listed as left out.
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileWrite } from '../../../store/index.js';

export interface LayerDiff {
  /** deletions first, then writes, each sorted by path */
  writes: FileWrite[];
  /** changed paths that cannot be proposed (a link, a binary or big file, past the limit) */
  leftOut: string[];
}

/** Paths a proposal never touches: `.git`, `.env*` and the data directory (relative to the root). */
export type IsProtected = (relative: string) => boolean;

const maxFileBytes = 1024 * 1024;
const maxFiles = 2000;

export class DiffBuilder {
  private readonly deleted = new Set<string>();
  private readonly written = new Map<string, FileWrite>();
  readonly leftOut: string[] = [];

  constructor(private readonly isProtected: IsProtected) {}

  delete(relative: string): void {
    if (this.isProtected(relative)) return;
    if (this.deleted.size + this.written.size >= maxFiles) this.leftOut.push(relative);
    else this.deleted.add(relative);
  }

  /** Proposes `absolute`'s content for `relative` unless it equals the project's (`original`: null = not text or absent). */
  async write(relative: string, absolute: string, existed: boolean, original: string | null): Promise<void> {
    if (this.isProtected(relative)) return;
    const content = await textOf(absolute);
    if (content === null || this.deleted.size + this.written.size >= maxFiles) this.leftOut.push(relative);
    else if (!existed) this.written.set(relative, { path: relative, content, created: true });
    else if (content !== original) this.written.set(relative, { path: relative, content });
  }

  result(): LayerDiff {
    const deletions = [...this.deleted].sort().map((p): FileWrite => ({ path: p, content: '', delete: true }));
    const writes = [...this.written.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    return { writes: [...deletions, ...writes], leftOut: this.leftOut.sort() };
  }
}

/** A regular, small, UTF-8 text file's content; null for anything else. */
export async function textOf(absolute: string): Promise<string | null> {
  const info = await lstat(absolute).catch(() => null);
  if (!info?.isFile() || info.size > maxFileBytes) return null;
  const bytes = await readFile(absolute);
  const text = bytes.toString('utf8');
  return bytes.includes(0) || !Buffer.from(text, 'utf8').equals(bytes) ? null : text;
}

/** The file's text, or null when it is missing or not a text file (a missing original means created). */
export async function originalText(absolute: string): Promise<string | null> {
  return textOf(absolute).catch(() => null);
}

export async function entriesOf(directory: string): Promise<Dirent[]> {
  try {
    return await readdir(directory, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw error;
  }
}

/** Every non-directory path below `root` (relative to `base`), skipping protected ones; links are not followed. */
export async function filesBelow(root: string, base: string, isProtected: IsProtected): Promise<string[]> {
  const found: string[] = [];
  const visit = async (directory: string): Promise<void> => {
    for (const entry of await entriesOf(directory)) {
      const absolute = path.join(directory, entry.name);
      const relative = path.relative(base, absolute);
      if (isProtected(relative)) continue;
      if (entry.isDirectory()) await visit(absolute);
      else found.push(relative);
    }
  };
  await visit(root);
  return found;
}

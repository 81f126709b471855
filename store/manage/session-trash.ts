// Deleting a session moves its directory into data/trash/ (never a hard delete); a restore moves it back, bytes
// untouched. Only `emptyTrash` deletes for good. A session open in a process is refused: its lock is taken
// for the move, so nobody opens it half-way through.
import { lstat, readdir, rename, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import type { SessionMetadata } from '../schemas.js';
import type { DataLayout } from '../session-paths.js';
import { isSafeSessionName, SessionIdError } from '../session-paths.js';
import { assertNoDataLink } from '../data-links.js';
import { makeDirectories } from '../make-directories.js';
import { SessionLock } from '../session-lock.js';
import { writeDurably } from '../durable-file.js';
import { readJsonFile } from '../read-json.js';
import { loadSessionHeader } from '../session-headers.js';
import type { SessionHeader } from '../session-headers.js';
import { compareTimestamps, nowTimestamp } from '../timestamp.js';
import { readTitleQuietly } from './session-title.js';
import { assertRestoredTitleFree } from './session-rename.js';
import { withTitlesLock } from './title-lock.js';

/** Beside each trashed directory: when it was trashed (the directory's own times do not say). */
const trashNoteSchema = z.object({ version: z.literal(1), trashed_at: z.string() });

export interface TrashedSession {
  id: string;
  /** RFC 3339; the note's time, or the directory's mtime when the note is missing */
  trashedAt: string;
  /** null when its metadata cannot be read */
  metadata: SessionHeader | null;
  title: string | null;
}

const notePath = (layout: DataLayout, id: string) => join(layout.trash, `${id}.trashed.json`);

/** A real directory (not a symbolic link to one), or null. */
async function realDirectory(path: string): Promise<boolean> {
  const info = await lstat(path).catch(() => null);
  return info !== null && info.isDirectory() && !info.isSymbolicLink();
}

function assertSafe(id: string): void {
  if (!isSafeSessionName(id)) throw new SessionIdError(`invalid session id ${JSON.stringify(id)}`);
}

/** The trash note may be replaced or removed: absent or a regular file (a link or a directory there is refused before any move). */
async function assertNoteUsable(id: string, note: string): Promise<void> {
  await assertNoDataLink(note);
  const info = await lstat(note).catch(() => null);
  if (info !== null && !info.isFile()) throw new Error(`cannot move session ${id}: ${note} is in the way (not a regular file); nothing was moved`);
}

/** Every end of a move checked, before anything moves. */
async function assertMovable(id: string, from: string, to: string, note: string): Promise<void> {
  // neither end may be reached through a link: the move would take a directory from, or put it, outside the data directory
  await assertNoDataLink(from);
  await assertNoDataLink(to);
  await assertNoteUsable(id, note);
  if (!(await realDirectory(from))) throw new SessionIdError(`session ${id} is not a directory in ${join(from, '..')}`);
  if (await lstat(to).catch(() => null)) throw new Error(`cannot move session ${id}: ${to} exists already`);
}

/** Throws what trashSession would throw before moving anything: a prune checks every session first. */
export async function assertTrashable(layout: DataLayout, id: string): Promise<void> {
  assertSafe(id);
  await assertMovable(id, join(layout.sessions, id), join(layout.trash, id), notePath(layout, id));
}

/**
 * Moves `from` to `to` holding the session's lock (SessionLockedError while a live process holds it); `after`
 * runs under the lock once moved, and when it fails the session is moved back. Every end is checked first.
 */
async function moveSession(id: string, from: string, to: string, note: string, after: () => Promise<void>): Promise<void> {
  await assertMovable(id, from, to, note);
  const lock = await SessionLock.acquire(from, id);
  try {
    await makeDirectories(join(to, '..'));
    await rename(from, to);
    await after().catch(async (error: unknown) => {
      await rename(to, from);
      throw error;
    });
  } finally {
    await lock.release();
  }
}

/** data/sessions/<id> → data/trash/<id>, with its note beside it; neither happens without the other. */
export async function trashSession(layout: DataLayout, id: string): Promise<void> {
  assertSafe(id);
  const note = notePath(layout, id);
  await moveSession(id, join(layout.sessions, id), join(layout.trash, id), note, () => writeDurably(note, JSON.stringify({ version: 1, trashed_at: nowTimestamp() })));
}

/** data/trash/<id> → data/sessions/<id>, exactly as it was trashed; its note is removed. */
export async function restoreSession(layout: DataLayout, id: string): Promise<void> {
  assertSafe(id);
  const note = notePath(layout, id);
  // its title must still be free: checked and moved under the titles lock, so no rename takes it in between
  await withTitlesLock(layout.sessions, async () => {
    await assertRestoredTitleFree(layout.sessions, join(layout.trash, id), id);
    await moveSession(id, join(layout.trash, id), join(layout.sessions, id), note, () =>
      unlink(note).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      }),
    );
  });
}

/** Every trashed session, most recently trashed first. */
export async function listTrash(layout: DataLayout): Promise<TrashedSession[]> {
  const entries = await readdir(layout.trash, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const ids = entries.filter((entry) => entry.isDirectory() && isSafeSessionName(entry.name)).map((entry) => entry.name);
  const trashed = await Promise.all(ids.map((id) => describeTrashed(layout, id)));
  return trashed.sort((a, b) => compareTimestamps(b.trashedAt, a.trashedAt) || (a.id < b.id ? -1 : 1));
}

async function describeTrashed(layout: DataLayout, id: string): Promise<TrashedSession> {
  const dir = join(layout.trash, id);
  const note = await readJsonFile(notePath(layout, id), trashNoteSchema).catch(() => null);
  const trashedAt = note?.value.trashed_at ?? (await lstat(dir)).mtime.toISOString();
  const metadata = await loadSessionHeader(join(dir, 'session_metadata.json')).catch(() => null);
  return { id, trashedAt, metadata: metadata?.id === id ? metadata : null, title: await readTitleQuietly(dir) };
}

/** Deletes trashed sessions for good: every one, or those trashed before `cutoff` (RFC 3339). Returns their ids. */
export async function emptyTrash(layout: DataLayout, ids: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const id of ids) {
    assertSafe(id);
    const dir = join(layout.trash, id);
    // rm never follows a symbolic link: a link inside a session is removed, not what it points to
    await assertNoDataLink(dir);
    if (await realDirectory(dir)) await rm(dir, { recursive: true, force: true });
    await unlink(notePath(layout, id)).catch(() => undefined);
    removed.push(id);
  }
  return removed;
}

/** The sessions a prune moves to the trash: last active before `cutoff`, never the `keep` most recently active. */
export function sessionsToPrune<T extends Pick<SessionMetadata, 'last_active_at'>>(newestFirst: readonly T[], cutoff: string, keep = 0): T[] {
  return newestFirst.slice(keep).filter((session) => compareTimestamps(session.last_active_at, cutoff) < 0);
}

/** The trashed sessions an `--older-than` empties: trashed before `cutoff`. */
export function trashedBefore(trashed: readonly TrashedSession[], cutoff: string): TrashedSession[] {
  return trashed.filter((entry) => compareTimestamps(entry.trashedAt, cutoff) < 0);
}

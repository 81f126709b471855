// `fork.json`, bakeoff-owned, beside a fork's metadata: which session its leading runs were copied from and
// how many there are, so stats count a copied run once (in its source), not again in every fork. Not a metadata
// key: Errata decodes session_metadata.json into a fixed struct and writes it back whole, so a key of ours would
// vanish the first time Errata continued the fork (Errata itself counts the copies again).
// The file is data, and a data directory may be hostile: it is read without following a link, and a note that
// does not fit the session (a count beyond its runs) is ignored, with a warning, never trusted.
import { join } from 'node:path';
import * as z from 'zod';
import { writeDurably } from '../durable-file.js';
import { parseJsonBytes } from '../read-json.js';
import { readRegularFile } from '../regular-file.js';
import { isSafeSessionName } from '../session-paths.js';
import { tellDataNotice } from '../data-notices.js';
import { DataFileError } from '../errors.js';
import { mapWithConcurrency, READ_CONCURRENCY } from '../session-list.js';

export const FORK_NOTE_FILE = 'fork.json';

export interface ForkNote {
  /** the session the runs were copied from */
  forkedFrom: string;
  /** how many leading entries of session_metadata.json's runs (rewind markers included) are copies */
  inheritedRuns: number;
}

const noteSchema = z.object({
  version: z.literal(1),
  forked_from: z.string().refine(isSafeSessionName, { message: 'not a session id' }),
  inherited_runs: z.number().int().nonnegative(),
});

export function forkNotePath(sessionDir: string): string {
  return join(sessionDir, FORK_NOTE_FILE);
}

/** Written into the fork's directory before it is moved into sessions/. */
export async function writeForkNote(sessionDir: string, note: ForkNote): Promise<void> {
  await writeDurably(forkNotePath(sessionDir), JSON.stringify({ version: 1, forked_from: note.forkedFrom, inherited_runs: note.inheritedRuns }));
}

/** What a session directory's fork.json says, unchecked against the session: null without one. */
export type ReadForkNote = { note: ForkNote } | { problem: string } | null;

/** Reads `fork.json` (never through a link); check it against the session's runs with `trustedForkNote`. */
export async function readForkNoteFile(sessionDir: string): Promise<ReadForkNote> {
  const path = forkNotePath(sessionDir);
  // a note is a few dozen bytes: anything big, a link or not a regular file is not one
  const read = await readRegularFile(path, { followLinks: false, maxBytes: 4096 });
  if ('missing' in read) return null;
  if ('refused' in read) return { problem: read.refused === 'it is a symbolic link' ? 'it is a symbolic link, and bakeoff never follows one' : read.refused };
  try {
    const note = parseJsonBytes(path, read.bytes, noteSchema);
    return { note: { forkedFrom: note.forked_from, inheritedRuns: note.inherited_runs } };
  } catch (error) {
    return { problem: error instanceof DataFileError ? error.reason : (error as Error).message };
  }
}

/**
 * The note, when it fits the session `sessionId` in `sessionDir` whose metadata holds `runCount` runs; else null
 * (every run then counts, and a warning names the file and why).
 */
export function trustedForkNote(read: ReadForkNote, sessionDir: string, sessionId: string, runCount: number): ForkNote | null {
  if (read === null) return null;
  let problem: string;
  if ('problem' in read) problem = read.problem;
  else if (read.note.forkedFrom === sessionId) problem = 'it names the session itself as its source';
  else if (read.note.inheritedRuns > runCount) problem = `it counts ${read.note.inheritedRuns} copied runs and the session has ${runCount}`;
  else return read.note;
  const path = forkNotePath(sessionDir);
  tellDataNotice({ path, message: `ignoring ${path} (${problem}): every run of session ${sessionId} counts in stats` });
  return null;
}

/** How many leading runs of session `sessionId` (in `sessionDir`, `runCount` runs) are copies: 0 without a note it can trust. */
export async function inheritedRuns(sessionDir: string, sessionId: string, runCount: number): Promise<number> {
  return trustedForkNote(await readForkNoteFile(sessionDir), sessionDir, sessionId, runCount)?.inheritedRuns ?? 0;
}

/** Per session id, how many of its leading runs are copies (sessionsDir/<id>/fork.json), a few files at a time. */
export async function inheritedRunsOf(sessionsDir: string, sessions: readonly { id: string; runs: readonly unknown[] }[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await mapWithConcurrency(sessions, READ_CONCURRENCY, async ({ id, runs }) => {
    counts.set(id, await inheritedRuns(join(sessionsDir, id), id, runs.length));
  });
  return counts;
}

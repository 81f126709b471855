// The sessions of a data directory, newest first, each read from its small metadata file only.
import { join } from 'node:path';
import type { SessionMetadata } from './schemas.js';
import { loadMetadata } from './session-files.js';
import { loadSessionHeader } from './session-headers.js';
import type { SessionHeader } from './session-headers.js';
import { linkedSessionReason, sessionDirEntries, sessionDirNames, sessionPathsFor, SessionIdError } from './session-paths.js';
import { compareTimestamps } from './timestamp.js';
import { ByteBudget, fileSize, READ_BUDGET_BYTES } from './byte-budget.js';

export interface SkippedSession {
  id: string;
  reason: string;
}

export interface SessionListing {
  sessions: SessionMetadata[];
  skipped: SkippedSession[];
}

/** Reads a few files at a time: enough to keep the disk busy without opening thousands at once. */
export const READ_CONCURRENCY = 32;

export async function mapWithConcurrency<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A session's header (its text fields cut, its runs not read), or why it cannot be used. */
async function readHeader(sessionsDir: string, id: string, budget: ByteBudget): Promise<SessionHeader | SkippedSession> {
  try {
    const path = sessionPathsFor(sessionsDir, id).metadataPath;
    const header = await budget.hold(await fileSize(path), () => loadSessionHeader(path));
    if (!header) return { id, reason: 'no session_metadata.json' };
    if (header.id !== id) return { id, reason: `its metadata names another session (${JSON.stringify(header.id)})` };
    return header;
  } catch (error) {
    return { id, reason: (error as Error).message };
  }
}

export interface HeaderListing {
  sessions: SessionHeader[];
  skipped: SkippedSession[];
}

/**
 * Every readable session's header, newest `last_active_at` first, and the ones that could not be read. What a
 * listing needs, in bounded memory: text fields cut as read, runs never parsed, big files read one at a time.
 */
export async function readSessionHeaders(sessionsDir: string): Promise<HeaderListing> {
  const budget = new ByteBudget(READ_BUDGET_BYTES);
  const sessions: SessionHeader[] = [];
  const { dirs, links } = await sessionDirEntries(sessionsDir);
  const skipped: SkippedSession[] = links.map((id) => ({ id, reason: linkedSessionReason(join(sessionsDir, id)) }));
  await mapWithConcurrency(dirs, READ_CONCURRENCY, async (id) => {
    const outcome = await readHeader(sessionsDir, id, budget);
    if ('reason' in outcome) skipped.push(outcome);
    else sessions.push(outcome);
  });
  sessions.sort((a, b) => compareTimestamps(b.last_active_at, a.last_active_at) || (a.id < b.id ? 1 : -1));
  return { sessions, skipped: skipped.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

/** A session's metadata, or why it cannot be used. */
async function readSession(sessionsDir: string, id: string): Promise<SessionMetadata | SkippedSession> {
  try {
    const metadata = await loadMetadata(sessionPathsFor(sessionsDir, id).metadataPath);
    if (!metadata) return { id, reason: 'no session_metadata.json' };
    if (metadata.id !== id) return { id, reason: `its metadata names another session (${JSON.stringify(metadata.id)})` };
    return metadata;
  } catch (error) {
    return { id, reason: (error as Error).message };
  }
}

/**
 * Hands every readable session's metadata to `visit` as soon as it is read, in no particular order, and
 * keeps none of them: stats over thousands of sessions hold one session at a time. Returns the skipped ones.
 * With `onlyId`, reads that session alone.
 */
export async function forEachSession(sessionsDir: string, visit: (metadata: SessionMetadata) => void, onlyId?: string): Promise<SkippedSession[]> {
  const names = (await sessionDirNames(sessionsDir)).filter((name) => onlyId === undefined || name === onlyId);
  return visitSessions(sessionsDir, names, visit);
}

/** forEachSession over the named session directories only. */
export async function visitSessions(sessionsDir: string, names: readonly string[], visit: (metadata: SessionMetadata) => void): Promise<SkippedSession[]> {
  const budget = new ByteBudget(READ_BUDGET_BYTES);
  const skipped: SkippedSession[] = [];
  await mapWithConcurrency(names, READ_CONCURRENCY, async (id) => {
    // held through the visit: a big file's parse is done with before the next big one is read
    await budget.hold(await fileSize(sessionPathsFor(sessionsDir, id).metadataPath), async () => {
      const outcome = await readSession(sessionsDir, id);
      if ('reason' in outcome) skipped.push(outcome);
      else visit(outcome);
    });
  });
  return skipped.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Every readable session, newest `last_active_at` first, and the ones that could not be read, with why. */
export async function readSessions(sessionsDir: string): Promise<SessionListing> {
  const sessions: SessionMetadata[] = [];
  const skipped = await forEachSession(sessionsDir, (metadata) => sessions.push(metadata));
  sessions.sort((a, b) => compareTimestamps(b.last_active_at, a.last_active_at) || (a.id < b.id ? 1 : -1));
  return { sessions, skipped };
}

export type SkipReporter = (skipped: SkippedSession) => void;

const reportToStderr: SkipReporter = ({ id, reason }) => process.stderr.write(`bakeoff: skipped session ${id}: ${reason}\n`);

/** Newest `last_active_at` first; a session that cannot be read is skipped and reported (stderr by default). */
export async function listSessions(sessionsDir: string, onSkip: SkipReporter = reportToStderr): Promise<SessionMetadata[]> {
  const { sessions, skipped } = await readSessions(sessionsDir);
  skipped.forEach(onSkip);
  return sessions;
}

/** The most recently active session; rejects when there is none. */
export async function latestSessionId(sessionsDir: string, onSkip: SkipReporter = reportToStderr): Promise<string> {
  const { sessions: [newest], skipped } = await readSessionHeaders(sessionsDir);
  skipped.forEach(onSkip);
  if (!newest) throw new SessionIdError(`no sessions in ${sessionsDir}`);
  return newest.id;
}

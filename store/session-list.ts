// The sessions of a data directory, newest first, each read from its small metadata file only.
import type { SessionMetadata } from './schemas.js';
import { loadMetadata } from './session-files.js';
import { sessionDirNames, sessionPathsFor, SessionIdError } from './session-paths.js';
import { compareTimestamps } from './timestamp.js';

export interface SkippedSession {
  id: string;
  reason: string;
}

export interface SessionListing {
  sessions: SessionMetadata[];
  skipped: SkippedSession[];
}

/** Reads a few files at a time: enough to keep the disk busy without opening thousands at once. */
const READ_CONCURRENCY = 32;

export async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Every readable session, newest `last_active_at` first, and the ones that could not be read, with why. */
export async function readSessions(sessionsDir: string): Promise<SessionListing> {
  const names = await sessionDirNames(sessionsDir);
  const outcomes = await mapWithConcurrency(names, READ_CONCURRENCY, async (id) => {
    try {
      const metadata = await loadMetadata(sessionPathsFor(sessionsDir, id).metadataPath);
      if (!metadata) return { id, reason: 'no session_metadata.json' };
      if (metadata.id !== id) return { id, reason: `its metadata names another session (${JSON.stringify(metadata.id)})` };
      return metadata;
    } catch (error) {
      return { id, reason: (error as Error).message };
    }
  });
  const sessions: SessionMetadata[] = [];
  const skipped: SkippedSession[] = [];
  for (const outcome of outcomes) {
    if ('reason' in outcome) skipped.push(outcome);
    else sessions.push(outcome);
  }
  sessions.sort((a, b) => compareTimestamps(b.last_active_at, a.last_active_at) || (a.id < b.id ? 1 : -1));
  skipped.sort((a, b) => (a.id < b.id ? -1 : 1));
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
export async function latestSessionId(sessionsDir: string, onSkip?: SkipReporter): Promise<string> {
  const [newest] = await listSessions(sessionsDir, onSkip);
  if (!newest) throw new SessionIdError(`no sessions in ${sessionsDir}`);
  return newest.id;
}

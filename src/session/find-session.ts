// Naming a session on the command line: a whole id, a unique prefix, or (none given) the most recently active one.
import { DataFileError, latestSessionId, loadMetadata, resolveSessionId, sessionPathsFor } from '../../store/index.js';
import type { SessionMetadata, SkippedSession } from '../../store/index.js';

export type SkipReporter = (skipped: SkippedSession) => void;

/** `idOrPrefix` resolved (SessionIdError when unknown or ambiguous), else the latest session (error when none). */
export function findSessionId(sessionsDir: string, idOrPrefix: string | undefined, onSkip?: SkipReporter): Promise<string> {
  return idOrPrefix === undefined ? latestSessionId(sessionsDir, onSkip) : resolveSessionId(sessionsDir, idOrPrefix);
}

/** A session's metadata; a directory without it, or whose file names another id, is an error naming the file. */
export async function readSessionMetadata(sessionsDir: string, id: string, options: { keepEncodings?: boolean } = {}): Promise<SessionMetadata> {
  const path = sessionPathsFor(sessionsDir, id).metadataPath;
  const metadata = await loadMetadata(path, options);
  if (!metadata) throw new DataFileError(path, `missing: session ${id} has no metadata`);
  if (metadata.id !== id) throw new DataFileError(path, `names another session (${JSON.stringify(metadata.id)}), not ${id}`);
  return metadata;
}

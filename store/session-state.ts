// A session's two Errata files as the Store and its helpers (rewind, redo) share them: in memory, changed at
// once, and written through one DurableFile each. Every write is tracked, so a failure nobody awaited is still
// reported by the Store's flush().
import type { Histories, SessionContent, SessionMetadata } from './schemas.js';
import type { SessionPaths } from './types.js';
import { DurableFile } from './durable-file.js';
import { contentPieces, metadataPieces } from './session-files.js';

export class SessionState {
  meta: SessionMetadata;
  content: SessionContent;
  private readonly metadataFile: DurableFile;
  private readonly contentFile: DurableFile;
  /** Write failures since the last takeFailures(), so a write nobody awaited is still told. */
  private unreportedFailures: Error[] = [];

  constructor(
    readonly sessionId: string,
    readonly paths: SessionPaths,
    meta: SessionMetadata,
    content: SessionContent | null,
  ) {
    this.meta = { ...meta, runs: [...meta.runs] };
    this.content = content ?? { session_id: sessionId, runs: [], histories: {} };
    this.metadataFile = new DurableFile(paths.metadataPath);
    this.contentFile = new DurableFile(paths.contentPath);
  }

  get histories(): Histories {
    return this.content.histories;
  }

  replaceHistories(histories: Histories): void {
    this.content = { ...this.content, histories };
  }

  saveMetadata(): Promise<void> {
    return this.track(this.metadataFile.write(() => metadataPieces(this.meta)));
  }

  /** session_metadata.json as exactly `bytes` (a redo puts the file back as it was); `meta` is what they parse to. */
  restoreMetadata(meta: SessionMetadata, bytes: Buffer): Promise<void> {
    this.meta = meta;
    return this.track(this.metadataFile.write(() => bytes));
  }

  saveContent(): Promise<void> {
    return this.track(this.contentFile.write(() => contentPieces(this.content)));
  }

  /** Resolves when both files' pending writes have finished, failed ones included. */
  async idle(): Promise<void> {
    await Promise.all([this.metadataFile.idle(), this.contentFile.idle()]);
  }

  /** A write the caller may not await must never become an unhandled rejection. */
  track<T>(durable: Promise<T>): Promise<T> {
    durable.catch((error: Error) => this.unreportedFailures.push(error));
    return durable;
  }

  /** The failures since the last call, oldest first; forgets them. */
  takeFailures(): Error[] {
    const failures = this.unreportedFailures;
    this.unreportedFailures = [];
    return failures;
  }
}

/** A promise derived from tracked writes: its rejection is already reported through flush(), so mark it handled. */
export function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

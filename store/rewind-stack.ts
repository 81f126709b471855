// The runs that can be undone, newest on top, kept in the session's rewind.json (file contents under
// snapshots/, once each by hash) so /rewind works after --continue, --resume and a crash.
// Errata ignores both; a session without them simply has nothing to undo.
import { join } from 'node:path';
import * as z from 'zod';
import type { FileSnapshot, RewindEntry } from './types.js';
import { DurableFile } from './durable-file.js';
import { readJsonFile } from './read-json.js';
import { SnapshotBlobs, contentHash } from './snapshot-blobs.js';
import { readProjectFile } from './regular-file.js';
import { checkRewindRecord, fileChangeSchema, type RewindRecord, type TrustContext } from './rewind-trust.js';

/** Older entries are dropped past this many; their snapshots go with them. */
export const MAX_REWIND_ENTRIES = 100;

const rewindFileSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });

export type { RewindRecord } from './rewind-trust.js';
export type FileChange = z.infer<typeof fileChangeSchema>;

export class RewindStack {
  private entries: RewindRecord[];
  private queue: Promise<void> = Promise.resolve();
  private readonly file: DurableFile;
  /** blobs someone else still needs (the redo stack keeps the snapshots of undone runs) */
  private extraReferences: () => ReadonlySet<string> = () => new Set();
  readonly blobs: SnapshotBlobs;

  /** entries of rewind.json that failed the checks (rewind-trust.ts): reported, never applied */
  readonly refused: readonly string[];

  private constructor(sessionDir: string, entries: RewindRecord[], refused: string[] = []) {
    this.entries = entries;
    this.refused = refused;
    this.file = new DurableFile(join(sessionDir, 'rewind.json'));
    this.blobs = new SnapshotBlobs(join(sessionDir, 'snapshots'));
  }

  /** Each entry is checked on its own (rewind-trust.ts): a refused one is listed in `refused` and dropped. */
  static async open(sessionDir: string, context: TrustContext): Promise<RewindStack> {
    const path = join(sessionDir, 'rewind.json');
    const read = await readJsonFile(path, rewindFileSchema);
    const entries: RewindRecord[] = [];
    const refused: string[] = [];
    for (const [index, raw] of (read?.value.entries ?? []).entries()) {
      const checked = await checkRewindRecord(raw, context);
      if ('record' in checked) entries.push(checked.record);
      else refused.push(`${path}: entry ${index + 1} refused (never applied): ${checked.refused}`);
    }
    return new RewindStack(sessionDir, entries, refused);
  }

  /** A stack with nothing to undo, for a session whose rewind.json could not be used. */
  static empty(sessionDir: string): RewindStack {
    return new RewindStack(sessionDir, []);
  }

  static rewindPath(sessionDir: string): string {
    return join(sessionDir, 'rewind.json');
  }

  get length(): number {
    return this.entries.length;
  }

  /** Oldest first. */
  records(): readonly RewindRecord[] {
    return this.entries;
  }

  /** Resolves when every change made so far is in memory and on disk (snapshots are stored asynchronously). */
  idle(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Changes run one at a time, in call order, so a snapshot always lands on the entry it was taken for. */
  private serially(change: () => Promise<void>): Promise<void> {
    const done = this.queue.then(change);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** The entry is on the stack when this returns; the Promise resolves when it is on disk. */
  push(entry: RewindEntry, projectRoot: string): Promise<void> {
    const dropsOldest = this.entries.length >= MAX_REWIND_ENTRIES;
    const record: RewindRecord = {
      feed_index: entry.feedIndex,
      project_root: projectRoot,
      prompt: entry.prompt,
      history_lengths: { ...entry.historyLengths },
      files: null,
    };
    this.entries = [...this.entries, record].slice(-MAX_REWIND_ENTRIES);
    const snaps = entry.fileSnapshots;
    return this.serially(async () => {
      if (snaps) await this.attachNow(record, snaps);
      else await this.save();
      if (dropsOldest) await this.collectGarbage();
    });
  }

  /** Keeps the contents before a run's writes, and the hash of what was written, on the newest entry. */
  attachSnapshots(snaps: FileSnapshot[] | null): Promise<void> {
    const top = this.entries.at(-1);
    return top ? this.serially(() => this.attachNow(top, snaps)) : Promise.resolve();
  }

  /** Snapshots go to the entry they were taken for, even if newer entries were pushed meanwhile. */
  private async attachNow(target: RewindRecord, snaps: FileSnapshot[] | null): Promise<void> {
    const files = snaps ? await Promise.all(snaps.map((snap) => this.recordChange(snap))) : null;
    this.entries = this.entries.map((entry) => (entry === target ? { ...target, files } : entry));
    await this.save();
  }

  /** Removes the entries from `position` (0 = oldest) to the top. */
  popFrom(position: number): Promise<void> {
    this.entries = this.entries.slice(0, position);
    return this.serially(async () => {
      await this.save();
      await this.collectGarbage();
    });
  }

  clear(): Promise<void> {
    return this.popFrom(0);
  }

  /** Puts records back on top, as they were (a redo of the rewind that popped them). */
  pushBack(records: readonly RewindRecord[]): Promise<void> {
    this.entries = [...this.entries, ...records].slice(-MAX_REWIND_ENTRIES);
    return this.serially(() => this.save());
  }

  /** Blobs `references` names are kept by every collection. */
  keepReferencedBy(references: () => ReadonlySet<string>): void {
    this.extraReferences = references;
  }

  /** Removes every blob neither stack references (after the redo stack dropped entries). */
  collect(): Promise<void> {
    return this.serially(() => this.collectGarbage());
  }

  /** The FileSnapshots of a record, contents read back from their blobs (lost: the blob is gone); a BadBlobError for a blob refused. */
  async snapshotsOf(record: RewindRecord): Promise<(FileSnapshot & { content: Buffer; lost: boolean })[]> {
    return Promise.all(
      (record.files ?? []).map(async (change) => {
        if (change.before === null) return { path: change.path, content: Buffer.alloc(0), didNotExist: true, lost: false };
        const content = await this.blobs.getBytes(change.before, change.path);
        return { path: change.path, content: content ?? Buffer.alloc(0), didNotExist: false, lost: content === null };
      }),
    );
  }

  private async recordChange(snap: FileSnapshot): Promise<FileChange> {
    const before = snap.didNotExist ? null : await this.blobs.put(snap.content);
    const now = await readProjectFile(snap.path).catch(() => null);
    return { path: snap.path, before, after: now === null ? null : contentHash(now) };
  }

  private save(): Promise<void> {
    return this.file.write(() => JSON.stringify({ version: 1, entries: this.entries }));
  }

  private collectGarbage(): Promise<void> {
    const referenced = new Set([...referencedBlobs(this.entries), ...this.extraReferences()]);
    return this.blobs.keepOnly(referenced);
  }
}

/** The blobs records need: the content of each file before its run. */
export function referencedBlobs(records: readonly RewindRecord[]): string[] {
  return records.flatMap((entry) => (entry.files ?? []).flatMap((f) => (f.before ? [f.before] : [])));
}

// What each rewind took, newest on top, kept in the session's redo.json beside rewind.json (contents under the
// same snapshots/, by hash) so /redo works after a restart. A redo puts back exactly that: the project files as
// they were before the rewind, the session files byte for byte, the undone runs on the rewind stack.
// Errata ignores the file; it is emptied when a new run starts.
import { isAbsolute, join } from 'node:path';
import * as z from 'zod';
import { DurableFile } from './durable-file.js';
import { readJsonFile } from './read-json.js';
import { referencedBlobs } from './rewind-stack.js';
import { checkRewindRecord, rewindRecordSchema, type RewindRecord, type TrustContext } from './rewind-trust.js';
import { BLOB_HASH } from './snapshot-blobs.js';

export const MAX_REDO_ENTRIES = 100;

const hash = z.string().regex(BLOB_HASH, 'not a content hash');
const absolutePath = z.string().refine((path) => isAbsolute(path) && !path.includes('\0'), 'not an absolute path');

const redoFileSchema = z.object({
  path: absolutePath,
  /** the project root the run wrote in: a redo writes nowhere else */
  root: absolutePath,
  /** the content before the rewind (a blob); null = the file did not exist */
  before: hash.nullable(),
  /** what the rewind left there; null = no file. Anything else now is drift */
  after: hash.nullable(),
});

const redoRecordSchema = z.object({
  rewound_at: z.string(),
  mode: z.enum(['both', 'code', 'conversation']),
  /** the rewind stack's records the rewind popped, oldest first */
  records: z.array(rewindRecordSchema),
  files: z.array(redoFileSchema),
  /** session_metadata.json before the rewind (a blob of its bytes) */
  metadata_before: hash,
  /** the hash of the session_metadata.json the rewind wrote: the session must still be that for a redo */
  metadata_after: hash,
  /** the models of the histories before the rewind, in their order in session_content.json */
  history_order: z.array(z.string()),
  /** per model, the turns the rewind removed, each as its JSON text in session_content.json */
  removed_turns: z.record(z.string(), z.array(z.string())),
});

const redoFileFormat = z.object({ version: z.literal(1), entries: z.array(redoRecordSchema) });

export type RedoRecord = z.infer<typeof redoRecordSchema>;
export type RedoFile = z.infer<typeof redoFileSchema>;

export class RedoStack {
  private constructor(
    private readonly file: DurableFile,
    private entries: RedoRecord[],
  ) {}

  /** Entries that fail the rewind stack's checks (paths outside their project, protected paths) are dropped. */
  static async open(sessionDir: string, context: TrustContext): Promise<RedoStack> {
    const read = await readJsonFile(RedoStack.redoPath(sessionDir), redoFileFormat);
    const trusted: RedoRecord[] = [];
    for (const entry of read?.value.entries ?? []) if (await isTrusted(entry, context)) trusted.push(entry);
    return new RedoStack(new DurableFile(RedoStack.redoPath(sessionDir)), trusted);
  }

  static empty(sessionDir: string): RedoStack {
    return new RedoStack(new DurableFile(RedoStack.redoPath(sessionDir)), []);
  }

  static redoPath(sessionDir: string): string {
    return join(sessionDir, 'redo.json');
  }

  get length(): number {
    return this.entries.length;
  }

  top(): RedoRecord | undefined {
    return this.entries.at(-1);
  }

  /** In memory at once (so a blob collection already keeps its snapshots); the Promise resolves when on disk. */
  push(record: RedoRecord): Promise<void> {
    this.entries = [...this.entries, record].slice(-MAX_REDO_ENTRIES);
    return this.save();
  }

  pop(): Promise<void> {
    this.entries = this.entries.slice(0, -1);
    return this.save();
  }

  /** Nothing to redo any more (a new run, /clear…); resolves at once when there was nothing. */
  clear(): Promise<void> {
    if (this.entries.length === 0) return Promise.resolve();
    this.entries = [];
    return this.file.remove();
  }

  idle(): Promise<void> {
    return this.file.idle();
  }

  /** Every blob an entry needs: file contents before the rewind, the metadata bytes, the undone runs' snapshots. */
  referenced(): Set<string> {
    const names = new Set<string>();
    for (const entry of this.entries) {
      names.add(entry.metadata_before);
      for (const file of entry.files) if (file.before) names.add(file.before);
      for (const name of referencedBlobs(entry.records)) names.add(name);
    }
    return names;
  }

  private save(): Promise<void> {
    return this.file.write(() => JSON.stringify({ version: 1, entries: this.entries }));
  }
}

export type { RewindRecord };

/** A redo writes only what a rewind record could: every undone record and every file pass the same checks. */
async function isTrusted(entry: RedoRecord, context: TrustContext): Promise<boolean> {
  for (const record of entry.records) if ('refused' in (await checkRewindRecord(record, context))) return false;
  for (const file of entry.files) {
    const asRecord = { feed_index: 0, project_root: file.root, prompt: '', history_lengths: {}, files: [{ path: file.path, before: file.before, after: file.after }] };
    if ('refused' in (await checkRewindRecord(asRecord, context))) return false;
  }
  return true;
}

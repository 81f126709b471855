// A rewind's record for redo (taken while it happens), and what redoing it would do: each file put back from
// its snapshot, checked against what the rewind left (the same drift check as rewind), and the session files.
import type { ConversationTurn, Histories } from './schemas.js';
import { conversationTurnSchema } from './schemas.js';
import type { RedoRecord } from './redo-stack.js';
import type { RewindRecord } from './rewind-stack.js';
import type { RewindPlan } from './rewind-plan.js';
import type { SnapshotBlobs } from './snapshot-blobs.js';
import { contentHash } from './snapshot-blobs.js';
import { readProjectFile } from './regular-file.js';
import { adoptEncoding, encodeOnce } from './json-cache.js';
import { readBytes } from './read-json.js';
import { DataFileError } from './errors.js';
import { nowTimestamp } from './timestamp.js';

export class RedoDriftError extends Error {
  constructor(readonly paths: string[]) {
    super(`changed since the rewind: ${paths.join(', ')}; redo again allowing overwrites to put them back anyway`);
    this.name = 'RedoDriftError';
  }
}

/** The session is no longer what the rewind left (a run, a pick, or another tool wrote it): nothing to redo. */
export class RedoStaleError extends Error {
  constructor(sessionId: string) {
    super(`session ${sessionId} changed since the rewind, so it cannot be redone (a redo is valid until a new run starts)`);
    this.name = 'RedoStaleError';
  }
}

export interface RedoFileChange {
  path: string;
  root: string;
  /** the file's bytes now; null = absent */
  current: Buffer | null;
  /** what the redo puts there: the bytes before the rewind; null = the file is deleted */
  restored: Buffer | null;
  /** changed since the rewind: a redo would overwrite someone's edit */
  drifted: boolean;
}

export interface RedoPlan {
  record: RedoRecord;
  files: RedoFileChange[];
  /** session_metadata.json as it was before the rewind */
  metadataBytes: Buffer;
}

/** What the rewind is about to take, read before it changes anything: the metadata's bytes, the removed turns. */
export interface RewindCapture {
  metadataBytes: Buffer;
  historyOrder: string[];
  removedTurns: Record<string, string[]>;
}

export async function captureBeforeRewind(metadataPath: string, encodedMetadata: () => Buffer, histories: Histories, plan: RewindPlan): Promise<RewindCapture> {
  const metadataBytes = (await readBytes(metadataPath)) ?? encodedMetadata();
  const removedTurns: Record<string, string[]> = {};
  for (const [model, length] of Object.entries(plan.historyLengths)) {
    const removed = (histories[model] ?? []).slice(length);
    if (removed.length > 0) removedTurns[model] = removed.map((turn) => encodeOnce(turn).toString('utf8'));
  }
  return { metadataBytes, historyOrder: Object.keys(histories), removedTurns };
}

/** The redo record of a rewind that just happened; stores the blobs it needs (the Promise), the record at once. */
export async function redoRecordFor(
  capture: RewindCapture,
  plan: RewindPlan,
  popped: readonly RewindRecord[],
  metadataAfter: Buffer[],
): Promise<RedoRecord> {
  const files = await Promise.all(
    plan.files
      .filter((file) => !file.lost)
      .map(async (file) => {
        const now = await readProjectFile(file.path).catch(() => null);
        return { path: file.path, root: file.root, before: file.current === null ? null : contentHash(file.current), after: now === null ? null : contentHash(now), content: file.current };
      }),
  );
  return {
    rewound_at: nowTimestamp(),
    mode: plan.mode,
    records: [...popped],
    // a file the rewind could not change has nothing to put back
    files: files.filter((file) => file.before !== file.after).map(({ path, root, before, after }) => ({ path, root, before, after })),
    metadata_before: contentHash(capture.metadataBytes),
    metadata_after: contentHash(metadataAfter),
    history_order: capture.historyOrder,
    removed_turns: capture.removedTurns,
  };
}

/** The blobs a redo record needs, stored once each. */
export async function storeRedoBlobs(blobs: SnapshotBlobs, capture: RewindCapture, plan: RewindPlan): Promise<void> {
  await blobs.put(capture.metadataBytes);
  for (const file of plan.files) if (file.current !== null && !file.lost) await blobs.put(file.current);
}

/** What redoing `record` does now; RedoStaleError when the session moved on, a DataFileError when a blob is gone. */
export async function planRedo(blobs: SnapshotBlobs, record: RedoRecord, metadataPath: string, sessionId: string): Promise<RedoPlan> {
  const onDisk = await readBytes(metadataPath);
  const state = onDisk === null ? null : contentHash(onDisk);
  // the metadata already back means a redo stopped half-way: finish it
  if (state !== record.metadata_after && state !== record.metadata_before) throw new RedoStaleError(sessionId);
  const metadataBytes = await blobs.getBytes(record.metadata_before, 'session_metadata.json before the rewind');
  if (!metadataBytes) {
    throw new DataFileError(blobs.dir, `the stored session_metadata.json of the rewind is missing (${record.metadata_before}); nothing was changed`);
  }
  const files = await Promise.all(
    record.files.map(async (file): Promise<RedoFileChange> => {
      const restored = file.before === null ? null : await blobs.getBytes(file.before, file.path);
      if (file.before !== null && restored === null) {
        throw new DataFileError(blobs.dir, `no stored content for ${file.path} (${file.before}); nothing was changed`);
      }
      const current = await readProjectFile(file.path);
      const now = current === null ? null : contentHash(current);
      return { path: file.path, root: file.root, current, restored, drifted: now !== file.after && now !== file.before };
    }),
  );
  return { record, files, metadataBytes };
}

/** The histories as they were before the rewind: each model's removed turns back, keys in their old order. */
export function historiesBeforeRewind(histories: Histories, record: RedoRecord, path: string): Histories {
  const restored: Histories = {};
  const order = [...record.history_order, ...Object.keys(histories).filter((model) => !record.history_order.includes(model))];
  for (const model of order) {
    const turns = [...(histories[model] ?? []), ...(record.removed_turns[model] ?? []).map((text) => decodeTurn(text, path))];
    if (turns.length > 0) restored[model] = turns;
  }
  return restored;
}

/** A removed turn from redo.json: validated as session_content.json would be, keeping its exact bytes. */
function decodeTurn(text: string, path: string): ConversationTurn {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataFileError(path, 'a removed turn is not JSON');
  }
  const parsed = conversationTurnSchema.safeParse(raw);
  if (!parsed.success) throw DataFileError.fromZod(path, parsed.error);
  adoptEncoding(parsed.data, Buffer.from(text, 'utf8'));
  return parsed.data;
}

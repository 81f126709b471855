// What undoing a run (and every later one) would do: the files it would restore or delete, whether
// any of them changed since bakeoff wrote them, and the conversation turns it would remove.
import type { Histories } from './schemas.js';
import type { RewindRecord, RewindStack } from './rewind-stack.js';
import { contentHash } from './snapshot-blobs.js';
import { readProjectFile } from './regular-file.js';

/** both = code and conversation; code = files only (conversation kept); conversation = histories only (files kept). */
export type RewindMode = 'both' | 'code' | 'conversation';

export interface RewindFileChange {
  /** absolute */
  path: string;
  /** the project root the run's writes were applied in */
  root: string;
  /** the file's bytes now; null when it does not exist */
  current: Buffer | null;
  /** the bytes the rewind leaves there; null = the file is deleted */
  restored: Buffer | null;
  /** changed since bakeoff wrote it: a restore would overwrite someone's edit */
  drifted: boolean;
  /** the stored content before the run is gone, so this file cannot be restored */
  lost: boolean;
}

export interface RewindPlan {
  mode: RewindMode;
  /** the undone runs, newest first */
  runs: { feedIndex: number; prompt: string }[];
  files: RewindFileChange[];
  /** per model, the history length after the rewind */
  historyLengths: Record<string, number>;
  /** per model, how many turns the rewind removes */
  turnsRemoved: Record<string, number>;
}

export class RewindDriftError extends Error {
  constructor(readonly paths: string[]) {
    super(`changed since bakeoff wrote ${paths.length === 1 ? 'it' : 'them'}: ${paths.join(', ')}; rewind again allowing overwrites to restore anyway`);
    this.name = 'RewindDriftError';
  }
}

/** The plan for undoing `records` (newest first), given the histories now. */
export async function planRewind(
  stack: RewindStack,
  records: readonly RewindRecord[],
  histories: Histories,
  mode: RewindMode,
  defaultRoot: string,
): Promise<RewindPlan> {
  const historyLengths: Record<string, number> = {};
  for (const record of records) {
    for (const [model, length] of Object.entries(record.history_lengths)) {
      historyLengths[model] = Math.min(length, historyLengths[model] ?? Infinity);
    }
  }
  const turnsRemoved = Object.fromEntries(
    Object.entries(historyLengths)
      .map(([model, length]) => [model, Math.max(0, (histories[model]?.length ?? 0) - length)] as const)
      .filter(([, removed]) => removed > 0),
  );
  return {
    mode,
    runs: records.map((record) => ({ feedIndex: record.feed_index, prompt: record.prompt })),
    files: mode === 'conversation' ? [] : await fileChanges(stack, records, defaultRoot),
    historyLengths: mode === 'code' ? {} : historyLengths,
    turnsRemoved: mode === 'code' ? {} : turnsRemoved,
  };
}

/** Per file: the content before the oldest undone run, checked against what the newest one left. */
async function fileChanges(stack: RewindStack, records: readonly RewindRecord[], defaultRoot: string): Promise<RewindFileChange[]> {
  const byPath = new Map<string, { root: string; expectedNow: string | null; snapshot: { content: Buffer; didNotExist: boolean; lost: boolean } }>();
  for (const record of records) {
    const snapshots = await stack.snapshotsOf(record);
    (record.files ?? []).forEach((change, index) => {
      const known = byPath.get(change.path);
      byPath.set(change.path, { root: record.project_root ?? defaultRoot, expectedNow: known ? known.expectedNow : change.after, snapshot: snapshots[index] });
    });
  }
  return Promise.all(
    [...byPath].map(async ([path, { root, expectedNow, snapshot }]) => {
      const current = await readProjectFile(path);
      return {
        path,
        root,
        current,
        restored: snapshot.didNotExist ? null : snapshot.content,
        drifted: (current === null ? null : contentHash(current)) !== expectedNow,
        lost: snapshot.lost,
      };
    }),
  );
}

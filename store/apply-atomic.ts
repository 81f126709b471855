// Applying a response's writes all or nothing: every file is snapshotted first, then written; when one
// write fails, the files already written are put back from their snapshots and the error names the write.
import { realpath } from 'node:fs/promises';
import { RestoreError, applyWrites, restoreSnapshots, snapshotFiles } from './file-snapshots.js';
import { PathRefusedError, resolveProjectPath } from './project-path.js';
import { canonicalPath, protectedPathRule } from './protected-paths.js';
import type { FileSnapshot, FileWrite } from './types.js';

/** A write failed. `leftWritten` are the snapshots of files that could not be put back (they hold the new content). */
export class ApplyError extends Error {
  constructor(
    readonly failedPath: string,
    readonly reason: string,
    readonly restored: string[],
    readonly leftWritten: FileSnapshot[],
    readonly restoreFailures: { path: string; reason: string }[],
  ) {
    const back = restored.length > 0 ? ` (${restored.join(', ')} put back as ${restored.length === 1 ? 'it was' : 'they were'})` : '';
    const outcome =
      restoreFailures.length === 0
        ? `nothing was applied${back}`
        : `could not put back ${restoreFailures.map((f) => `${f.path} (${f.reason})`).join(', ')}: rewind can undo ${restoreFailures.length === 1 ? 'it' : 'them'}`;
    super(`could not write ${failedPath}: ${reason}; ${outcome}`);
    this.name = 'ApplyError';
  }
}

export interface AppliedWrites {
  /** paths relative to the root, in order, once each */
  applied: string[];
  /** the content of every file before the writes (absolute paths), for the rewind stack */
  snapshots: FileSnapshot[];
}

/**
 * Snapshots, then applies, the writes; a refused path (outside the root, or protected: `.git`, `.env`, the
 * data directories) throws before anything is touched, a failed write is rolled back.
 */
export async function applyWritesAtomically(writes: FileWrite[], root: string, options: { dataDirs?: readonly string[] } = {}): Promise<AppliedWrites> {
  await refuseProtected(writes, root, options.dataDirs ?? []);
  const snapshots = await snapshotFiles(writes, root);
  const applied: string[] = [];
  // absolute path → the path as proposed, for every file written so far
  const written = new Map<string, string>();
  for (const write of writes) {
    let target;
    try {
      target = await resolveProjectPath(root, write.path);
      await applyWrites([write], root);
    } catch (error) {
      throw await rolledBack(snapshots.filter((snap) => written.has(snap.path)), written, root, target?.relative ?? write.path, reasonOf(error));
    }
    const { absolute, relative } = target;
    written.set(absolute, relative);
    if (!applied.includes(relative)) applied.push(relative);
  }
  return { applied, snapshots };
}

/** A proposal read back from a checkpoint is as untrusted as a model: the tools' rules hold here too. */
async function refuseProtected(writes: FileWrite[], root: string, dataDirs: readonly string[]): Promise<void> {
  const realRoot = await realpath(root);
  const canonicalDirs = await Promise.all(dataDirs.map((dir) => canonicalPath(dir)));
  for (const write of writes) {
    const { absolute } = await resolveProjectPath(root, write.path);
    const rule = protectedPathRule(realRoot, absolute, canonicalDirs);
    if (rule) throw new PathRefusedError(write.path, root, rule);
  }
}

async function rolledBack(toRestore: FileSnapshot[], names: Map<string, string>, root: string, failedPath: string, reason: string): Promise<ApplyError> {
  const name = (absolute: string) => names.get(absolute) ?? absolute;
  try {
    const restored = await restoreSnapshots(toRestore, root);
    return new ApplyError(failedPath, reason, restored.map(name), [], []);
  } catch (error) {
    if (!(error instanceof RestoreError)) throw error;
    const failed = new Set(error.failures.map((f) => f.path));
    const failures = error.failures.map((f) => ({ path: name(f.path), reason: f.reason }));
    return new ApplyError(failedPath, reason, error.restored.map(name), toRestore.filter((snap) => failed.has(snap.path)), failures);
  }
}

/** applyWrites names the path in its message; the reason alone is its cause's. */
function reasonOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

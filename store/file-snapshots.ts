// Applying a response's file writes, and the snapshots that let rewind undo them.
import { unlink } from 'node:fs/promises';
import { writeDurably } from './durable-file.js';
import { resolveProjectPath, type ProjectPath } from './project-path.js';
import { readRegularFile } from './regular-file.js';
import type { FileSnapshot, FileWrite } from './types.js';

/** Project files a model creates get the usual mode; an existing file keeps its own. */
const newFileMode = 0o644;

/** Some snapshots could not be restored; the others were. The message names each failed path. */
export class RestoreError extends Error {
  constructor(
    readonly failures: { path: string; reason: string }[],
    readonly restored: string[],
  ) {
    const list = failures.map((f) => `${f.path} (${f.reason})`).join('; ');
    super(`could not restore ${failures.length} file(s): ${list}`);
    this.name = 'RestoreError';
  }
}

function errorCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Every path resolved before anything is touched, so one refused path leaves the tree as it was. */
async function resolveAll(paths: string[], root: string): Promise<ProjectPath[]> {
  const resolved: ProjectPath[] = [];
  for (const p of paths) resolved.push(await resolveProjectPath(root, p));
  return resolved;
}

/** Removes a file; one that is already gone is fine. */
async function removeFile(absolute: string): Promise<void> {
  try {
    await unlink(absolute);
  } catch (err) {
    const code = errorCode(err);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
  }
}

/** The file's bytes as they are (a pipe or device is refused, never waited on), so a rewind gives back exactly them. */
async function readSnapshot(absolute: string): Promise<FileSnapshot> {
  const read = await readRegularFile(absolute, { followLinks: true });
  if ('refused' in read) throw new Error(`could not snapshot ${absolute}: ${read.refused}`);
  if ('missing' in read) return { path: absolute, content: Buffer.alloc(0), didNotExist: true };
  return { path: absolute, content: read.bytes, didNotExist: false };
}

/** The current content of every distinct target (first occurrence wins), paths absolute. */
export async function snapshotFiles(writes: FileWrite[], root: string): Promise<FileSnapshot[]> {
  const targets = await resolveAll(
    writes.map((w) => w.path),
    root,
  );
  const seen = new Set<string>();
  const snapshots: FileSnapshot[] = [];
  for (const { absolute } of targets) {
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    snapshots.push(await readSnapshot(absolute));
  }
  return snapshots;
}

/** Applies the writes in order; returns the paths applied, relative to the root, de-duplicated. */
export async function applyWrites(writes: FileWrite[], root: string): Promise<string[]> {
  const targets = await resolveAll(
    writes.map((w) => w.path),
    root,
  );
  const applied: string[] = [];
  for (let i = 0; i < writes.length; i++) {
    const { absolute, relative } = targets[i];
    try {
      if (writes[i].delete) await removeFile(absolute);
      else await writeDurably(absolute, writes[i].content, newFileMode);
    } catch (err) {
      throw new Error(`could not apply ${relative}: ${reasonOf(err)}`, { cause: err });
    }
    if (!applied.includes(relative)) applied.push(relative);
  }
  return applied;
}

/**
 * Restores in reverse order, so the first snapshot of a path wins. A file that did not exist is
 * removed; directories created for it are left in place (a snapshot does not record them).
 * Returns the restored paths in snapshot order; failures are collected into one RestoreError.
 */
export async function restoreSnapshots(snaps: FileSnapshot[], root: string): Promise<string[]> {
  const failures: { path: string; reason: string }[] = [];
  const restored = new Set<string>();
  for (const snap of [...snaps].reverse()) {
    try {
      const { absolute } = await resolveProjectPath(root, snap.path);
      if (snap.didNotExist) await removeFile(absolute);
      else await writeDurably(absolute, snap.content, newFileMode);
      restored.add(snap.path);
    } catch (err) {
      failures.push({ path: snap.path, reason: reasonOf(err) });
    }
  }
  const failed = new Set(failures.map((f) => f.path));
  const inOrder = [...new Set(snaps.map((s) => s.path))].filter((p) => restored.has(p) && !failed.has(p));
  if (failures.length > 0) throw new RestoreError(failures.reverse(), inOrder);
  return inOrder;
}

// Before a pick is applied: the files of its proposal that the user changed in the real project while
// the run was going (or created where the model created one). Those are never overwritten silently.
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { canonicalPath, protectedPathRule } from '../../store/index.js';
import type { FileWrite } from '../../store/index.js';

/** The proposal touches files the user changed during the run; the message names them. */
export class ApplyConflictError extends Error {
  constructor(readonly conflicts: string[]) {
    super(`Not applied: ${conflictList(conflicts)} changed in the project during the run. Add ! to the number (e.g. 1!) to apply it anyway; /rewind undoes it.`);
    this.name = 'ApplyConflictError';
  }
}

/** The first five conflicting paths, and how many more. */
export function conflictList(conflicts: readonly string[]): string {
  return conflicts.slice(0, 5).join(', ') + (conflicts.length > 5 ? ` and ${conflicts.length - 5} more` : '');
}

/**
 * Paths of `writes` whose project file was modified, created or replaced at or after `startedAt` (ms since
 * the epoch), by its change time. Protected paths are left to the apply, which refuses them whatever the user answers.
 */
export async function conflictsSince(writes: FileWrite[], projectRoot: string, startedAt: number, dataDirs: readonly string[]): Promise<string[]> {
  const root = await realpath(projectRoot);
  const protectedDirs = await Promise.all(dataDirs.map((dir) => canonicalPath(dir)));
  const conflicts: string[] = [];
  for (const write of writes) {
    if (protectedPathRule(root, path.join(root, write.path), protectedDirs) !== null) continue;
    const info = await lstat(path.join(root, write.path)).catch(() => null);
    if (info === null) continue;
    // the change time, which the kernel sets on every write, rename or utime: a modification time is the
    // file's own word (an unpacked archive, a skewed clock can put it in the future, where it would be a
    // conflict at every run)
    const changedDuringRun = info.ctimeMs >= startedAt;
    if (changedDuringRun || write.created === true) conflicts.push(write.path);
  }
  return conflicts;
}

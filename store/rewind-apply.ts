// Carrying out a rewind plan: the files put back, and the runs it undoes marked the way Errata marks them.
import type { RunSummary } from './schemas.js';
import type { FileSnapshot } from './types.js';
import type { RewindPlan } from './rewind-plan.js';
import { restoreSnapshots } from './file-snapshots.js';
import { changedRun, rewindMarker, rewoundNote } from './run-records.js';

/**
 * Restores the plan's files, each in the project root its run wrote to. A problem is a warning, returned as
 * ` (file restore warning: …)` (or ''): the rest of the rewind still happens.
 */
export async function restorePlanFiles(plan: RewindPlan): Promise<string> {
  const lost = plan.files.filter((file) => file.lost).map((file) => file.path);
  const problems: string[] = lost.length > 0 ? [`no stored content for ${lost.join(', ')}`] : [];
  for (const [root, snaps] of snapshotsByRoot(plan.files.filter((f) => !f.lost))) {
    try {
      await restoreSnapshots(snaps, root);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return problems.length > 0 ? ` (file restore warning: ${problems.join('; ')})` : '';
}

/** What each file is put back to (`restored` null: the file is deleted), grouped by the project root its run wrote to. */
export function snapshotsByRoot(files: readonly { path: string; root: string; restored: Buffer | null }[]): Map<string, FileSnapshot[]> {
  const byRoot = new Map<string, FileSnapshot[]>();
  for (const file of files) {
    const snaps = byRoot.get(file.root) ?? [];
    snaps.push({ path: file.path, content: file.restored ?? Buffer.alloc(0), didNotExist: file.restored === null });
    byRoot.set(file.root, snaps);
  }
  return byRoot;
}

/** The runs with every undone one noted `[rewound] …` and a rewind marker appended for each (stats skip them). */
export function markUndone(runs: readonly RunSummary[], plan: RewindPlan, timestamp: string): { runs: RunSummary[]; undone: { feedIndex: number; note: string }[] } {
  const next = [...runs];
  const undone = plan.runs.map(({ feedIndex, prompt }) => {
    const run = next[feedIndex];
    const note = rewoundNote(run?.note);
    if (run) next[feedIndex] = changedRun(run, { note });
    next.push(rewindMarker(prompt, timestamp));
    return { feedIndex, note };
  });
  return { runs: next, undone };
}

// Which run each rewind marker undid, by the stats rule: walking newest first, a marker cancels the nearest
// older run with its prompt hash; of several pending markers the oldest pairs first.
import type { RunSummary } from '../schemas.js';

/** Run index → index of the marker that undid it. */
export function rewindPairs(runs: readonly RunSummary[]): Map<number, number> {
  const pending = new Map<string, number[]>();
  const undone = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    const waiting = pending.get(run.prompt_hash);
    if (run.type === 'rewind') {
      if (waiting) waiting.push(i);
      else pending.set(run.prompt_hash, [i]);
    } else {
      const marker = waiting?.pop();
      if (marker !== undefined) undone.set(i, marker);
    }
  }
  return undone;
}

// The runs that can be undone, newest on top.
import type { FileSnapshot, RewindEntry } from './types.js';

export class RewindStack {
  private entries: RewindEntry[] = [];

  push(entry: RewindEntry): void {
    this.entries.push({ ...entry, historyLengths: { ...entry.historyLengths } });
  }

  /** Attaches the snapshots taken before the selected response's writes to the newest entry. */
  attachSnapshots(snaps: FileSnapshot[] | null): void {
    const top = this.entries[this.entries.length - 1];
    if (top) top.fileSnapshots = snaps;
  }

  pop(): RewindEntry | undefined {
    return this.entries.pop();
  }

  clear(): void {
    this.entries = [];
  }

  get length(): number {
    return this.entries.length;
  }

  /** Newest first, for the rewind panel. */
  list(): readonly RewindEntry[] {
    return [...this.entries].reverse();
  }
}

// How much of the data directory's files a listing, the stats or a search holds in memory at once.
import fs from 'node:fs';

/** Bytes of session files read at once: many small files side by side, a big one alone. */
export const READ_BUDGET_BYTES = 64 * 1024 * 1024;

/** Lets reads proceed while the bytes they hold stay within a budget; a file bigger than the budget waits to go alone. */
export class ByteBudget {
  private held = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async hold<T>(bytes: number, work: () => Promise<T>): Promise<T> {
    while (this.held > 0 && this.held + bytes > this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.held += bytes;
    try {
      return await work();
    } finally {
      this.held -= bytes;
      this.waiting.splice(0).forEach((wake) => wake());
    }
  }
}

/** The size of the file at `path`, or 0 when it cannot be read (the read itself then says why). */
export function fileSize(path: string): Promise<number> {
  return new Promise((resolve) => fs.stat(path, (error, stats) => resolve(error ? 0 : stats.size)));
}

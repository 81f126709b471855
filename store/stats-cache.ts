// data/stats-cache.json (bakeoff only, derived, safe to delete): each session's sums per recipe hash, keyed
// by its metadata file's identity (size, mtime, inode — a save renames a new file in, so any change
// changes the key). Stats over thousands of sessions then read only the sessions that changed.
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import { readJsonFile } from './read-json.js';
import { writeDurably } from './durable-file.js';
import type { ModelTotals, Totals } from './stats-totals.js';

const totalsSchema = z.object({
  wins: z.number(),
  losses: z.number(),
  thumbsDown: z.number(),
  participations: z.number(),
  latencyMs: z.number(),
  costUsd: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  toolCalls: z.number(),
  proposedWrites: z.number(),
});

const cacheSchema = z.object({
  version: z.literal(1),
  sessions: z.record(z.string(), z.object({ key: z.string(), sums: z.record(z.string(), z.record(z.string(), totalsSchema)) })),
});

type CachedSession = z.infer<typeof cacheSchema>['sessions'][string];

/** The identity of a metadata file, or null when it cannot be looked at (then it is read, not cached). */
export async function fileKey(path: string): Promise<string | null> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  return info ? `${info.size}:${info.mtimeNs}:${info.ino}` : null;
}

export class StatsCache {
  private changed = false;

  private constructor(
    readonly path: string,
    /** a Map, so no session id (not even `__proto__`) is anything but a key */
    private sessions: Map<string, CachedSession>,
  ) {}

  /** A missing or unreadable cache is an empty one: it is rebuilt from the session files, never trusted blindly. */
  static async load(path: string): Promise<StatsCache> {
    const read = await readJsonFile(path, cacheSchema).catch(() => null);
    return new StatsCache(path, new Map(Object.entries(read?.value.sessions ?? {})));
  }

  get(id: string, key: string): Map<string, Totals> | null {
    const cached = this.sessions.get(id);
    if (!cached || cached.key !== key) return null;
    return new Map(Object.entries(cached.sums).map(([hash, byModel]) => [hash, new Map(Object.entries(byModel)) as Totals]));
  }

  set(id: string, key: string, byHash: ReadonlyMap<string, Totals>): void {
    const sums = Object.fromEntries([...byHash].map(([hash, totals]) => [hash, Object.fromEntries(totals) as Record<string, ModelTotals>]));
    this.sessions.set(id, { key, sums });
    this.changed = true;
  }

  /** Forgets sessions that are gone. */
  keepOnly(ids: readonly string[]): void {
    const wanted = new Set(ids);
    for (const id of this.sessions.keys()) {
      if (wanted.has(id)) continue;
      this.sessions.delete(id);
      this.changed = true;
    }
  }

  /** Writes the cache when it changed; a failure (a read-only data directory) only costs speed next time. */
  async save(): Promise<void> {
    if (!this.changed) return;
    await writeDurably(this.path, JSON.stringify({ version: 1, sessions: Object.fromEntries(this.sessions) })).catch(() => undefined);
    this.changed = false;
  }
}

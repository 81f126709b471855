// data/stats-cache.json (bakeoff only, derived, safe to delete): each session's stats groups (sums, picks,
// latency sketches per recipe hash; see stats-groups.ts), keyed by its metadata file's identity (size,
// mtime, inode — a save renames a new file in, so any change changes the key). Stats over thousands of
// sessions then read only the sessions that changed.
import { stat } from 'node:fs/promises';
import * as z from 'zod';
import { readJsonFile } from './read-json.js';
import { writeDurably } from './durable-file.js';
import { sketchFromArray, sketchToArray } from './latency-sketch.js';
import type { SessionGroups, StatsGroup } from './stats-groups.js';
import type { ModelTotals, Totals } from './stats-totals.js';

const TOTALS_KEYS = ['wins', 'losses', 'thumbsDown', 'participations', 'latencyMs', 'costUsd', 'inputTokens', 'outputTokens', 'toolCalls', 'proposedWrites', 'pricedRuns'] as const;

interface CachedGroup {
  sums: Record<string, ModelTotals>;
  battles: Record<string, number>;
  latency: Record<string, number[]>;
}

interface CachedSession {
  key: string;
  first: number | null;
  last: number | null;
  groups: Record<string, CachedGroup>;
  blind: Record<string, CachedGroup>;
}

// Checked in place, not through z.record (which copies every map): the cache is read on every `bakeoff stats`.
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isMapOf = (check: (value: unknown) => boolean) => (value: unknown) => {
  if (!isObject(value)) return false;
  for (const key in value) if (!check(value[key])) return false;
  return true;
};
const isNumber = (value: unknown) => typeof value === 'number';
const isTotals = (value: unknown) => isObject(value) && TOTALS_KEYS.every((key) => typeof value[key] === 'number');
const isNumbers = (value: unknown) => Array.isArray(value) && value.every(isNumber);
const isGroup = (value: unknown) => isObject(value) && isMapOf(isTotals)(value.sums) && isMapOf(isNumber)(value.battles) && isMapOf(isNumbers)(value.latency);
const isTime = (value: unknown) => value === null || typeof value === 'number';
const isSession = (value: unknown) =>
  isObject(value) && typeof value.key === 'string' && isTime(value.first) && isTime(value.last) && isMapOf(isGroup)(value.groups) && isMapOf(isGroup)(value.blind);

/** Bumped whenever what the cache holds or the sums count changes (2: picks and latency buckets; 3: a bad rating with `selected` is a thumbs-down), so old sums are not trusted. */
const CACHE_VERSION = 3;

const cacheSchema = z.object({
  version: z.literal(CACHE_VERSION),
  sessions: z.custom<Record<string, CachedSession>>(isMapOf(isSession), 'not a map of cached sessions'),
});

/** The identity of a metadata file, or null when it cannot be looked at (then it is read, not cached). */
export async function fileKey(path: string): Promise<string | null> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  return info ? `${info.size}:${info.mtimeNs}:${info.ino}` : null;
}

// Object.entries/fromEntries keep every key (even `__proto__`) a plain entry, and Maps keep it so.
function groupFromCache(cached: CachedGroup): StatsGroup {
  return {
    totals: new Map(Object.entries(cached.sums)) as Totals,
    battles: new Map(Object.entries(cached.battles)),
    latency: new Map(Object.entries(cached.latency).map(([model, pairs]) => [model, sketchFromArray(pairs)])),
  };
}

function groupToCache(group: StatsGroup): CachedGroup {
  return {
    sums: Object.fromEntries(group.totals) as Record<string, ModelTotals>,
    battles: Object.fromEntries(group.battles),
    latency: Object.fromEntries([...group.latency].map(([model, sketch]) => [model, sketchToArray(sketch)])),
  };
}

const groupsFromCache = (cached: Record<string, CachedGroup>) => new Map(Object.entries(cached).map(([hash, group]) => [hash, groupFromCache(group)]));
const groupsToCache = (groups: ReadonlyMap<string, StatsGroup>) => Object.fromEntries([...groups].map(([hash, group]) => [hash, groupToCache(group)]));

export class StatsCache {
  private changed = false;

  private constructor(
    readonly path: string,
    /** a Map, so no session id (not even `__proto__`) is anything but a key */
    private sessions: Map<string, CachedSession>,
  ) {}

  /** A missing, unreadable or older cache is an empty one: it is rebuilt from the session files, never trusted blindly. */
  static async load(path: string): Promise<StatsCache> {
    const read = await readJsonFile(path, cacheSchema).catch(() => null);
    return new StatsCache(path, new Map(Object.entries(read?.value.sessions ?? {})));
  }

  get(id: string, key: string): SessionGroups | null {
    const cached = this.sessions.get(id);
    if (!cached || cached.key !== key) return null;
    return {
      byHash: groupsFromCache(cached.groups),
      blindByHash: groupsFromCache(cached.blind),
      firstRunMs: cached.first ?? Number.NaN,
      lastRunMs: cached.last ?? Number.NaN,
    };
  }

  set(id: string, key: string, groups: SessionGroups): void {
    const finite = (ms: number) => (Number.isFinite(ms) ? ms : null);
    this.sessions.set(id, { key, first: finite(groups.firstRunMs), last: finite(groups.lastRunMs), groups: groupsToCache(groups.byHash), blind: groupsToCache(groups.blindByHash) });
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
    await writeDurably(this.path, JSON.stringify({ version: CACHE_VERSION, sessions: Object.fromEntries(this.sessions) })).catch((error: NodeJS.ErrnoException) => {
      // a link planted in place of the cache is refused, and said: nothing outside the data directory is written
      if (error.code === 'ELOOP') process.stderr.write(`bakeoff: warning: not writing ${this.path}: it is a symbolic link, and bakeoff never writes through one\n`);
      if (error.code === 'EDATALINK') process.stderr.write(`bakeoff: warning: not writing ${this.path}: ${error.message}\n`);
    });
    this.changed = false;
  }
}

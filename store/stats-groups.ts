// One session's stats in the groups the filters choose from: per recipe hash, and blind runs also on their
// own. A group holds the per-model sums, the picks as kinds of battle (for the ratings) and latency sketches.
import type { RunSummary } from './schemas.js';
import { addLatency, mergeSketch, type LatencySketch } from './latency-sketch.js';
import { battleKey } from './ratings/battles.js';
import { addRun, forEachUnrewound, keepsHash, mergeTotals, type StatsFilter, type Totals } from './stats-totals.js';

export interface StatsGroup {
  totals: Totals;
  /** battle key (see ratings/battles.ts) → runs with that pick */
  battles: Map<string, number>;
  /** per model, its latencies */
  latency: Map<string, LatencySketch>;
}

export interface SessionGroups {
  byHash: Map<string, StatsGroup>;
  /** the blind runs alone, by hash (they are in byHash too) */
  blindByHash: Map<string, StatsGroup>;
  /** epoch ms of the oldest and newest counted run; NaN when there is none or a timestamp does not parse */
  firstRunMs: number;
  lastRunMs: number;
}

export function emptyGroup(): StatsGroup {
  return { totals: new Map(), battles: new Map(), latency: new Map() };
}

function groupIn(groups: Map<string, StatsGroup>, hash: string): StatsGroup {
  let group = groups.get(hash);
  if (!group) groups.set(hash, (group = emptyGroup()));
  return group;
}

function addToGroup(group: StatsGroup, run: RunSummary): void {
  addRun(group.totals, run);
  const models = run.models ?? [];
  const key = battleKey(models, run.selected ?? '');
  if (key !== null) group.battles.set(key, (group.battles.get(key) ?? 0) + 1);
  for (const model of models) {
    const latency = run.latencies_ms?.[model];
    if (typeof latency !== 'number') continue;
    let sketch = group.latency.get(model);
    if (!sketch) group.latency.set(model, (sketch = new Map()));
    addLatency(sketch, latency);
  }
}

/**
 * The groups of one session's runs that no rewind cancels; with `sinceMs`, only the runs from then on. The first
 * `inherited` runs are a fork's copies (fork.json): they count in the session they were copied from, not here.
 */
export function sessionGroups(runs: readonly RunSummary[], sinceMs?: number, inherited = 0): SessionGroups {
  const groups: SessionGroups = { byHash: new Map(), blindByHash: new Map(), firstRunMs: Number.NaN, lastRunMs: Number.NaN };
  let first = Infinity;
  let last = -Infinity;
  let unparsed = false;
  forEachUnrewound(runs, (run) => {
    const at = Date.parse(run.timestamp);
    if (Number.isNaN(at)) unparsed = true;
    else {
      first = Math.min(first, at);
      last = Math.max(last, at);
    }
    if (sinceMs !== undefined && !(at >= sinceMs)) return;
    const hash = run.config_hash ?? '';
    addToGroup(groupIn(groups.byHash, hash), run);
    if (run.blind === true) addToGroup(groupIn(groups.blindByHash, hash), run);
  }, inherited);
  if (!unparsed && first !== Infinity) {
    groups.firstRunMs = first;
    groups.lastRunMs = last;
  }
  return groups;
}

export function mergeGroup(into: StatsGroup, from: StatsGroup): void {
  mergeTotals(into.totals, from.totals);
  for (const [key, runs] of from.battles) into.battles.set(key, (into.battles.get(key) ?? 0) + runs);
  for (const [model, sketch] of from.latency) {
    let known = into.latency.get(model);
    if (!known) into.latency.set(model, (known = new Map()));
    mergeSketch(known, sketch);
  }
}

/** The sum of the groups the filter keeps (its hashes, blind or not; the time window is the caller's), added to `into`. */
export function filteredGroup(groups: SessionGroups, filter: StatsFilter, into: StatsGroup = emptyGroup()): StatsGroup {
  const keeps = keepsHash(filter);
  for (const [hash, group] of filter.blindOnly ? groups.blindByHash : groups.byHash) if (keeps(hash)) mergeGroup(into, group);
  return into;
}

/** How a session's cached groups answer a time window: all of it, none of it, or its runs must be read again. */
export function windowCoverage(groups: SessionGroups, sinceMs: number | undefined): 'all' | 'none' | 'partly' {
  if (sinceMs === undefined) return 'all';
  if (groups.firstRunMs >= sinceMs) return 'all';
  if (groups.lastRunMs < sinceMs) return 'none';
  // NaN (no run, or a timestamp that does not parse): an empty session has nothing either way
  return groups.byHash.size === 0 ? 'none' : 'partly';
}

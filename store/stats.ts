// Per-model stats over recorded runs (the numbers behind `bakeoff stats`), leaving rewound runs out.
import type { RunSummary } from './schemas.js';
import { join } from 'node:path';
import { mapWithConcurrency, READ_CONCURRENCY, visitSessions } from './session-list.js';
import { sessionDirNames, sessionPathsFor } from './session-paths.js';
import { fileKey, StatsCache } from './stats-cache.js';
import { filteredTotals, forEachUnrewound, mergeTotals, sessionTotals, sessionTotalsByHash } from './stats-totals.js';
import type { ModelTally, ModelTotals, StatsFilter, Totals } from './stats-totals.js';

import type { SkippedSession } from './session-list.js';

export type { ModelTally, StatsFilter };

export interface ModelStats extends ModelTally {
  /** Rates are percentages (0..100) of participations. */
  winRate: number;
  lossRate: number;
  badRate: number;
  /** Averages are over participations; a value missing from a run's map counts as 0. */
  avgLatencyMs: number;
  avgCostUsd: number;
  avgInputTokens: number;
  avgOutputTokens: number;
  avgToolCalls: number;
  avgProposedWrites: number;
}

/** The CLI's `stats --json` shape for one model. */
export interface ModelStatsJson {
  wins: number;
  losses: number;
  thumbs_down: number;
  participations: number;
  win_rate: number;
  loss_rate: number;
  bad_rate: number;
  avg_latency_ms: number;
  avg_cost_usd: number;
  avg_input_tokens: number;
  avg_output_tokens: number;
  avg_tool_calls: number;
  avg_proposed_writes: number;
}

export interface StatsAcrossSessions {
  models: Record<string, ModelStats>;
  /** Sessions whose metadata could not be read, with why (left out of the stats). */
  skipped: SkippedSession[];
}

/** One session's runs without rewind markers and the runs they cancel, in their original order. */
export function filterRewound(runs: readonly RunSummary[]): RunSummary[] {
  const kept: RunSummary[] = [];
  forEachUnrewound(runs, (run) => kept.push(run));
  return kept.reverse();
}

function toTally(t: ModelTotals): ModelTally {
  return { wins: t.wins, losses: t.losses, thumbsDown: t.thumbsDown, participations: t.participations };
}

function toStats(t: ModelTotals): ModelStats {
  const n = t.participations;
  const avg = (sum: number) => (n > 0 ? sum / n : 0);
  const pct = (count: number) => (n > 0 ? (count / n) * 100 : 0);
  return {
    ...toTally(t),
    winRate: pct(t.wins),
    lossRate: pct(t.losses),
    badRate: pct(t.thumbsDown),
    avgLatencyMs: avg(t.latencyMs),
    avgCostUsd: avg(t.costUsd),
    avgInputTokens: avg(t.inputTokens),
    avgOutputTokens: avg(t.outputTokens),
    avgToolCalls: avg(t.toolCalls),
    avgProposedWrites: avg(t.proposedWrites),
  };
}

/** Model ids sorted (as Go's JSON encoder sorts map keys), whatever order the sessions were read in. */
function byModel<T>(totals: Totals, convert: (t: ModelTotals) => T): Record<string, T> {
  const entries = [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // fromEntries defines own keys, so even a model id like `__proto__` stays a plain entry
  return Object.fromEntries(entries.map(([model, t]) => [model, convert(t)]));
}

/** Wins, losses, thumbs-down and participations per model over one session's runs. */
export function summarizeRuns(runs: readonly RunSummary[], filter: StatsFilter = {}): Record<string, ModelTally> {
  return byModel(sessionTotals(runs, filter), toTally);
}

/** Counts, rates and averages per model over one session's runs. */
export function summarizeRunsDetailed(runs: readonly RunSummary[], filter: StatsFilter = {}): Record<string, ModelStats> {
  return byModel(sessionTotals(runs, filter), toStats);
}

/** The stats cache of a sessions directory: data/stats-cache.json, beside it. */
export function statsCachePath(sessionsDir: string): string {
  return join(sessionsDir, '..', 'stats-cache.json');
}

async function totalsAcrossSessions(sessionsDir: string, filter: StatsFilter): Promise<{ totals: Totals; skipped: SkippedSession[] }> {
  const sessionId = filter.sessionId || undefined;
  const cache = await StatsCache.load(statsCachePath(sessionsDir));
  const names = (await sessionDirNames(sessionsDir)).filter((name) => sessionId === undefined || name === sessionId);
  // per session, so one session's markers never cancel another's runs; unchanged sessions come from the cache
  const byHashOf = new Map<string, Map<string, Totals>>();
  const keys = new Map<string, string>();
  const unread: string[] = [];
  await mapWithConcurrency(names, READ_CONCURRENCY, async (id) => {
    // taken before reading: if the file changes in between, the next key differs and it is read again
    const key = await fileKey(sessionPathsFor(sessionsDir, id).metadataPath);
    const cached = key === null ? null : cache.get(id, key);
    if (cached) byHashOf.set(id, cached);
    else unread.push(id);
    if (key !== null) keys.set(id, key);
  });
  const skipped = await visitSessions(sessionsDir, unread, (session) => {
    const byHash = sessionTotalsByHash(session.runs);
    byHashOf.set(session.id, byHash);
    const key = keys.get(session.id);
    if (key !== undefined) cache.set(session.id, key, byHash);
  });
  if (sessionId === undefined) cache.keepOnly(names);
  await cache.save();
  // Added in id order whatever order the files were read in, so the sums are the same to the last bit every time.
  const totals: Totals = new Map();
  for (const id of [...byHashOf.keys()].sort()) mergeTotals(totals, filteredTotals(byHashOf.get(id)!, filter));
  return { totals, skipped };
}

/** Simple per-model tallies over every readable session (unreadable ones are left out). */
export async function summarizeAcrossSessions(sessionsDir: string, filter: StatsFilter = {}): Promise<Record<string, ModelTally>> {
  const { totals } = await totalsAcrossSessions(sessionsDir, filter);
  return byModel(totals, toTally);
}

/** Detailed per-model stats over every readable session (unreadable ones are left out). */
export async function summarizeDetailedAcrossSessions(sessionsDir: string, filter: StatsFilter = {}): Promise<Record<string, ModelStats>> {
  return (await statsAcrossSessions(sessionsDir, filter)).models;
}

/** Like summarizeDetailedAcrossSessions, and also says which sessions were skipped and why. */
export async function statsAcrossSessions(sessionsDir: string, filter: StatsFilter = {}): Promise<StatsAcrossSessions> {
  const { totals, skipped } = await totalsAcrossSessions(sessionsDir, filter);
  return { models: byModel(totals, toStats), skipped };
}

/** One model's stats in the CLI's snake_case JSON shape, keys in the documented order. */
export function statsToJson(s: ModelStats): ModelStatsJson {
  return {
    wins: s.wins,
    losses: s.losses,
    thumbs_down: s.thumbsDown,
    participations: s.participations,
    win_rate: s.winRate,
    loss_rate: s.lossRate,
    bad_rate: s.badRate,
    avg_latency_ms: s.avgLatencyMs,
    avg_cost_usd: s.avgCostUsd,
    avg_input_tokens: s.avgInputTokens,
    avg_output_tokens: s.avgOutputTokens,
    avg_tool_calls: s.avgToolCalls,
    avg_proposed_writes: s.avgProposedWrites,
  };
}

// Per-model stats over recorded runs (the numbers behind `bakeoff stats`), leaving rewound runs out.
import type { RunSummary } from './schemas.js';
import { join } from 'node:path';
import { mapWithConcurrency, READ_CONCURRENCY, visitSessions } from './session-list.js';
import { sessionDirNames, sessionPathsFor } from './session-paths.js';
import { fileKey, StatsCache } from './stats-cache.js';
import { emptyGroup, filteredGroup, sessionGroups, windowCoverage } from './stats-groups.js';
import type { SessionGroups, StatsGroup } from './stats-groups.js';
import { forEachUnrewound, sessionTotals } from './stats-totals.js';
import type { ModelTally, ModelTotals, StatsFilter, Totals } from './stats-totals.js';
import { sketchQuantile } from './latency-sketch.js';
import { readForkNoteFile, trustedForkNote } from './manage/fork-note.js';
import type { ReadForkNote } from './manage/fork-note.js';
import { parseBattleKey, type RatedRun } from './ratings/battles.js';
import { fitRatings, type Rating, type RatingOptions } from './ratings/fit-ratings.js';

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
  /** Bradley–Terry score and 95% interval; null under 5 comparisons (see ratings/fit-ratings.ts) */
  rating: Rating | null;
  /** pairwise outcomes from picks the model took part in */
  comparisons: number;
  /** the model's total cost over its wins; null with no wins or a run whose price was unknown */
  costPerWinUsd: number | null;
  /** median and 90th percentile latency in ms (within 2%); null with no latency recorded */
  latencyP50Ms: number | null;
  latencyP90Ms: number | null;
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
  rating: { score: number; low: number; high: number; comparisons: number } | null;
  cost_per_win_usd: number | null;
  latency_ms: { p50: number | null; p90: number | null };
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

function toStats(t: ModelTotals): Omit<ModelStats, 'rating' | 'comparisons' | 'latencyP50Ms' | 'latencyP90Ms'> {
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
    costPerWinUsd: t.wins > 0 && t.pricedRuns === t.participations ? t.costUsd / t.wins : null,
  };
}

/** The ratings' input: each kind of pick as a run with its count. */
function ratedRuns(battles: ReadonlyMap<string, number>): RatedRun[] {
  return [...battles].flatMap(([key, runs]) => {
    const type = parseBattleKey(key, runs);
    return type ? [{ models: [type.winner, ...type.losers], winner: type.winner, count: runs }] : [];
  });
}

/** Every figure per model of one group: counts, rates, averages, rating, cost per win, latency percentiles. */
export function statsOfGroup(group: StatsGroup, ratingOptions: RatingOptions | false = {}): Record<string, ModelStats> {
  // false: no fit at all (every rating null), for the bench's floor
  const fitted = ratingOptions === false ? [] : fitRatings(ratedRuns(group.battles), ratingOptions);
  const ratings = new Map(fitted.map((row) => [row.model, row]));
  return byModel(group.totals, (t, model) => {
    const sketch = group.latency.get(model) ?? new Map();
    return {
      ...toStats(t),
      rating: ratings.get(model)?.rating ?? null,
      comparisons: ratings.get(model)?.comparisons ?? 0,
      latencyP50Ms: sketchQuantile(sketch, 0.5),
      latencyP90Ms: sketchQuantile(sketch, 0.9),
    };
  });
}

/** Model ids sorted (as Go's JSON encoder sorts map keys), whatever order the sessions were read in. */
function byModel<T>(totals: Totals, convert: (t: ModelTotals, model: string) => T): Record<string, T> {
  const entries = [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // fromEntries defines own keys, so even a model id like `__proto__` stays a plain entry
  return Object.fromEntries(entries.map(([model, t]) => [model, convert(t, model)]));
}

/** Wins, losses, thumbs-down and participations per model over one session's runs. */
export function summarizeRuns(runs: readonly RunSummary[], filter: StatsFilter = {}): Record<string, ModelTally> {
  return byModel(sessionTotals(runs, filter), toTally);
}

/** Counts, rates, averages and ratings per model over one session's runs. */
export function summarizeRunsDetailed(runs: readonly RunSummary[], filter: StatsFilter = {}): Record<string, ModelStats> {
  return statsOfGroup(filteredGroup(sessionGroups(runs, filter.sinceMs, filter.inheritedRuns), filter));
}

/** The stats cache of a sessions directory: data/stats-cache.json, beside it. */
export function statsCachePath(sessionsDir: string): string {
  return join(sessionsDir, '..', 'stats-cache.json');
}

async function groupAcrossSessions(sessionsDir: string, filter: StatsFilter): Promise<{ group: StatsGroup; skipped: SkippedSession[] }> {
  const sessionId = filter.sessionId || undefined;
  const since = filter.sinceMs;
  const cache = await StatsCache.load(statsCachePath(sessionsDir));
  const names = (await sessionDirNames(sessionsDir)).filter((name) => sessionId === undefined || name === sessionId);
  // per session, so one session's markers never cancel another's runs; unchanged sessions come from the cache
  const groupsOf = new Map<string, SessionGroups>();
  const keys = new Map<string, string>();
  const unread: string[] = [];
  const forkNotes = new Map<string, ReadForkNote>();
  await mapWithConcurrency(names, READ_CONCURRENCY, async (id) => {
    // taken before reading: if the file changes in between, the next key differs and it is read again. A fork's
    // fork.json is in its directory before the directory is in sessions/ and is never rewritten, so the metadata's
    // identity is the session's: the note is read with the runs (a stat of it for every session cost 30% here)
    const key = await fileKey(sessionPathsFor(sessionsDir, id).metadataPath);
    const cached = key === null ? null : cache.get(id, key);
    const coverage = cached ? windowCoverage(cached, since) : 'partly';
    if (cached && coverage === 'all') groupsOf.set(id, cached);
    // a session that straddles --since is read again: the cache holds whole sessions
    else if (coverage === 'partly') {
      unread.push(id);
      forkNotes.set(id, await readForkNoteFile(join(sessionsDir, id)));
    }
    if (key !== null && !cached) keys.set(id, key);
  });
  const skipped = await visitSessions(sessionsDir, unread, (session) => {
    const key = keys.get(session.id);
    const inherited = trustedForkNote(forkNotes.get(session.id) ?? null, join(sessionsDir, session.id), session.id, session.runs.length)?.inheritedRuns ?? 0;
    const whole = since === undefined || key !== undefined ? sessionGroups(session.runs, undefined, inherited) : null;
    if (key !== undefined && whole) cache.set(session.id, key, whole);
    groupsOf.set(session.id, since === undefined && whole ? whole : sessionGroups(session.runs, since, inherited));
  });
  if (sessionId === undefined) cache.keepOnly(names);
  await cache.save();
  // Added in id order whatever order the files were read in, so the sums are the same to the last bit every time.
  const group = emptyGroup();
  for (const id of [...groupsOf.keys()].sort()) filteredGroup(groupsOf.get(id)!, filter, group);
  return { group, skipped };
}

/** Simple per-model tallies over every readable session (unreadable ones are left out). */
export async function summarizeAcrossSessions(sessionsDir: string, filter: StatsFilter = {}): Promise<Record<string, ModelTally>> {
  const { group } = await groupAcrossSessions(sessionsDir, filter);
  return byModel(group.totals, toTally);
}

/** Detailed per-model stats over every readable session (unreadable ones are left out). */
export async function summarizeDetailedAcrossSessions(sessionsDir: string, filter: StatsFilter = {}): Promise<Record<string, ModelStats>> {
  return (await statsAcrossSessions(sessionsDir, filter)).models;
}

/** Like summarizeDetailedAcrossSessions, and also says which sessions were skipped and why. */
export async function statsAcrossSessions(sessionsDir: string, filter: StatsFilter = {}, ratingOptions: RatingOptions | false = {}): Promise<StatsAcrossSessions> {
  const { group, skipped } = await groupAcrossSessions(sessionsDir, filter);
  return { models: statsOfGroup(group, ratingOptions), skipped };
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
    rating: s.rating ? { score: s.rating.score, low: s.rating.low, high: s.rating.high, comparisons: s.comparisons } : null,
    cost_per_win_usd: s.costPerWinUsd,
    latency_ms: { p50: s.latencyP50Ms, p90: s.latencyP90Ms },
  };
}

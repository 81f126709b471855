// Per-model stats over recorded runs (the numbers behind `bakeoff stats`), leaving rewound runs out.
import type { RunSummary } from './schemas.js';
import { forEachSession } from './session-list.js';
import type { SkippedSession } from './session-list.js';

export interface StatsFilter {
  /** Only runs recorded under this recipe snapshot hash; '' or absent = every run. */
  configHash?: string;
  /** Only runs recorded under one of these hashes (every snapshot of a recipe name); combines with configHash. */
  configHashes?: readonly string[];
  /** Only this session (across-sessions functions only: per-session functions already get one session's runs). */
  sessionId?: string;
}

export interface ModelTally {
  wins: number;
  losses: number;
  thumbsDown: number;
  participations: number;
}

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

/** Sums, not averages, so sessions add up exactly before dividing once. */
interface ModelTotals extends ModelTally {
  latencyMs: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  toolCalls: number;
  proposedWrites: number;
}

type Totals = Map<string, ModelTotals>;

const REWIND = 'rewind';

/**
 * Visits, newest first, every run of ONE session that no rewind marker cancels (markers are not visited).
 * Walking backwards, a marker's debt is paid by the nearest older run with its hash, so a run sent
 * again after the rewind stays counted.
 */
function forEachUnrewound(runs: readonly RunSummary[], visit: (run: RunSummary) => void): void {
  let owed: Map<string, number> | undefined; // created on the first marker: most sessions have none
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run.type === REWIND) {
      owed ??= new Map();
      owed.set(run.prompt_hash, (owed.get(run.prompt_hash) ?? 0) + 1);
      continue;
    }
    if (owed !== undefined) {
      const debt = owed.get(run.prompt_hash) ?? 0;
      if (debt > 0) {
        owed.set(run.prompt_hash, debt - 1);
        continue;
      }
    }
    visit(run);
  }
}

function mergeTotals(into: Totals, from: Totals): void {
  for (const [model, add] of from) {
    const t = into.get(model);
    if (t === undefined) {
      into.set(model, { ...add });
      continue;
    }
    for (const key of Object.keys(add) as (keyof ModelTotals)[]) t[key] += add[key];
  }
}

/** One session's runs without rewind markers and the runs they cancel, in their original order. */
export function filterRewound(runs: readonly RunSummary[]): RunSummary[] {
  const kept: RunSummary[] = [];
  forEachUnrewound(runs, (run) => kept.push(run));
  return kept.reverse();
}

/** The typeof check treats a missing key as 0 and keeps inherited names (a model called `constructor`) out. */
function valueFor(map: Record<string, number> | undefined, key: string): number {
  const value = map?.[key];
  return typeof value === 'number' ? value : 0;
}

function toolCallsFor(toolCalls: Record<string, Record<string, number>> | undefined, model: string): number {
  const perTool = toolCalls?.[model];
  if (typeof perTool !== 'object' || perTool === null) return 0;
  let sum = 0;
  for (const tool in perTool) sum += valueFor(perTool, tool);
  return sum;
}

function emptyTotals(): ModelTotals {
  return {
    wins: 0,
    losses: 0,
    thumbsDown: 0,
    participations: 0,
    latencyMs: 0,
    costUsd: 0,
    inputTokens: 0,
    outputTokens: 0,
    toolCalls: 0,
    proposedWrites: 0,
  };
}

/** Adds one session's unrewound runs to `totals`; a single pass with no per-run allocation. */
/** Whether a run's recipe is one the filter asks for (no recipe filter: every run). */
function recipeFilter(filter: StatsFilter): (run: RunSummary) => boolean {
  const hashes = new Set([...(filter.configHashes ?? []), ...(filter.configHash ? [filter.configHash] : [])]);
  if (hashes.size === 0 && filter.configHashes === undefined) return () => true;
  return (run) => hashes.has(run.config_hash ?? '');
}

function addSessionRuns(totals: Totals, runs: readonly RunSummary[], keeps: (run: RunSummary) => boolean): void {
  forEachUnrewound(runs, (run) => {
    // markers carry no config_hash, so this filter must come after the rewind walk, never before it
    if (!keeps(run)) return;
    const models = run.models;
    if (!models) return;
    const selected = run.selected ?? '';
    const thumbsDown = selected === '' && run.rating === 'bad';
    for (const model of models) {
      let t = totals.get(model);
      if (t === undefined) {
        t = emptyTotals();
        totals.set(model, t);
      }
      t.participations++;
      if (selected === model) t.wins++;
      else if (selected !== '') t.losses++;
      else if (thumbsDown) t.thumbsDown++;
      t.latencyMs += valueFor(run.latencies_ms, model);
      t.costUsd += valueFor(run.costs_usd, model);
      t.inputTokens += valueFor(run.input_tokens, model);
      t.outputTokens += valueFor(run.output_tokens, model);
      t.toolCalls += toolCallsFor(run.tool_calls, model);
      t.proposedWrites += valueFor(run.proposed_writes_count, model);
    }
  });
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

function sessionTotals(runs: readonly RunSummary[], filter: StatsFilter): Totals {
  const totals: Totals = new Map();
  addSessionRuns(totals, runs, recipeFilter(filter));
  return totals;
}

/** Wins, losses, thumbs-down and participations per model over one session's runs. */
export function summarizeRuns(runs: readonly RunSummary[], filter: StatsFilter = {}): Record<string, ModelTally> {
  return byModel(sessionTotals(runs, filter), toTally);
}

/** Counts, rates and averages per model over one session's runs. */
export function summarizeRunsDetailed(runs: readonly RunSummary[], filter: StatsFilter = {}): Record<string, ModelStats> {
  return byModel(sessionTotals(runs, filter), toStats);
}

async function totalsAcrossSessions(sessionsDir: string, filter: StatsFilter): Promise<{ totals: Totals; skipped: SkippedSession[] }> {
  const sessionId = filter.sessionId || undefined;
  const perSession = new Map<string, Totals>();
  // per session, so one session's markers never cancel another's runs
  const skipped = await forEachSession(sessionsDir, (session) => perSession.set(session.id, sessionTotals(session.runs, filter)), sessionId);
  // Added in id order whatever order the files were read in, so the sums are the same to the last bit every time.
  const totals: Totals = new Map();
  for (const id of [...perSession.keys()].sort()) mergeTotals(totals, perSession.get(id)!);
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

// Per-session sums behind the stats: one pass over a session's runs, rewound runs and markers left out.
import type { RunSummary } from './schemas.js';

export interface StatsFilter {
  /** Only runs recorded under this recipe snapshot hash; '' or absent = every run. */
  configHash?: string;
  /** Only runs recorded under one of these hashes (every snapshot of a recipe name); combines with configHash. */
  configHashes?: readonly string[];
  /** Only this session (across-sessions functions only: per-session functions already get one session's runs). */
  sessionId?: string;
  /** Only runs at or after this time (epoch ms). */
  sinceMs?: number;
  /** Only runs recorded in blind mode. */
  blindOnly?: boolean;
  /** Per-session functions: the session's leading runs copied from another session by a fork (fork.json), left out. */
  inheritedRuns?: number;
}

export interface ModelTally {
  wins: number;
  losses: number;
  thumbsDown: number;
  participations: number;
}

/** Sums, not averages, so sessions add up exactly before dividing once. */
export interface ModelTotals extends ModelTally {
  latencyMs: number;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
  toolCalls: number;
  proposedWrites: number;
  /** participations whose cost was recorded (an unknown price leaves it out of costs_usd) */
  pricedRuns: number;
}

export type Totals = Map<string, ModelTotals>;

const REWIND = 'rewind';

/**
 * Visits, newest first, every run of ONE session that no rewind marker cancels (markers are not visited).
 * Walking backwards, a marker's debt is paid by the nearest older run with its hash, so a run sent
 * again after the rewind stays counted. The first `inherited` runs (a fork's copies, counted in their source) are
 * walked, as a later marker may cancel one, but never visited.
 */
export function forEachUnrewound(runs: readonly RunSummary[], visit: (run: RunSummary) => void, inherited = 0): void {
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
    if (i >= inherited) visit(run);
  }
}

export function mergeTotals(into: Totals, from: Totals): void {
  for (const [model, add] of from) {
    const t = into.get(model);
    if (t === undefined) {
      into.set(model, { ...add });
      continue;
    }
    for (const key of Object.keys(add) as (keyof ModelTotals)[]) t[key] += add[key];
  }
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
    pricedRuns: 0,
  };
}

/** Whether a recipe hash is one the filter asks for (no recipe filter: every hash, '' included). */
export function keepsHash(filter: StatsFilter): (hash: string) => boolean {
  const hashes = new Set([...(filter.configHashes ?? []), ...(filter.configHash ? [filter.configHash] : [])]);
  if (hashes.size === 0 && filter.configHashes === undefined) return () => true;
  return (hash) => hashes.has(hash);
}

/**
 * One session's sums per recipe hash ('' for runs recorded without one), in one pass with no per-run
 * allocation: any recipe filter is then a sum of some of them. Markers are not runs and carry no hash,
 * so the rewind walk comes first and the hash only groups what it keeps.
 */
export function sessionTotalsByHash(runs: readonly RunSummary[], inherited = 0): Map<string, Totals> {
  const byHash = new Map<string, Totals>();
  forEachUnrewound(runs, (run) => {
    const hash = run.config_hash ?? '';
    let totals = byHash.get(hash);
    if (!totals) byHash.set(hash, (totals = new Map()));
    addRun(totals, run);
  }, inherited);
  return byHash;
}

/** The sums of the hashes the filter keeps. */
export function filteredTotals(byHash: ReadonlyMap<string, Totals>, filter: StatsFilter): Totals {
  const keeps = keepsHash(filter);
  const totals: Totals = new Map();
  for (const [hash, sums] of byHash) if (keeps(hash)) mergeTotals(totals, sums);
  return totals;
}

export function addRun(totals: Totals, run: RunSummary): void {
  const models = run.models;
  if (!models) return;
  const selected = run.selected ?? '';
  // A bad rating is a thumbs-down for the rated model, even when Errata also wrote it as `selected` (Errata counts that as a win).
  const ratedBad = run.rating === 'bad';
  for (const model of models) {
    let t = totals.get(model);
    if (t === undefined) {
      t = emptyTotals();
      totals.set(model, t);
    }
    t.participations++;
    if (ratedBad) {
      if (selected === '' || selected === model) t.thumbsDown++;
    } else if (selected === model) t.wins++;
    else if (selected !== '') t.losses++;
    t.latencyMs += valueFor(run.latencies_ms, model);
    t.costUsd += valueFor(run.costs_usd, model);
    if (typeof run.costs_usd?.[model] === 'number') t.pricedRuns++;
    t.inputTokens += valueFor(run.input_tokens, model);
    t.outputTokens += valueFor(run.output_tokens, model);
    t.toolCalls += toolCallsFor(run.tool_calls, model);
    t.proposedWrites += valueFor(run.proposed_writes_count, model);
  }
}

/** One session's sums per model; its markers cancel only its own runs. */
export function sessionTotals(runs: readonly RunSummary[], filter: StatsFilter): Totals {
  return filteredTotals(sessionTotalsByHash(runs, filter.inheritedRuns), filter);
}


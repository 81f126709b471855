// Ratings from picks: a Bradley–Terry fit on the Elo-like scale (score = 1000 + 400·log10(strength), mean
// 1000 over the rated models) with 95% intervals from a seeded bootstrap over runs.
import { battleTypes, type BattleType, type RatedRun } from './battles.js';
import { seededResampler } from './bootstrap.js';
import { emptyWinMatrix, fitLogStrengths, type WinMatrix } from './bradley-terry.js';

export interface RatingOptions {
  /** bootstrap resamples (default 200) */
  resamples?: number;
  /** the bootstrap's seed: the same data and seed give the same intervals */
  seed?: number;
  /** fewer comparisons than this: no rating, and left out of the fit (default 5) */
  minComparisons?: number;
  /** half-wins each way against a virtual average player (default 0.5); 0 fits the plain likelihood */
  priorWins?: number;
}

export interface Rating {
  score: number;
  /** the bootstrap's 2.5th and 97.5th percentiles */
  low: number;
  high: number;
}

export interface ModelRating {
  model: string;
  /** pairwise outcomes the model took part in (among rated models, when it is rated) */
  comparisons: number;
  /** null: fewer than minComparisons */
  rating: Rating | null;
}

export const RATING_DEFAULTS = { resamples: 200, seed: 15, minComparisons: 5, priorWins: 0.5 } as const;

const BASE = 1000;
const SCALE = 400;

/** Per model, in id order: its comparisons and, with enough of them, its score and interval. */
export function fitRatings(runs: Iterable<RatedRun>, options: RatingOptions = {}): ModelRating[] {
  const { resamples, seed, minComparisons, priorWins } = { ...RATING_DEFAULTS, ...options };
  const types = battleTypes(runs);
  const every = comparisonsOf(types, null);
  const rated = ratedModels(types, every, minComparisons);
  const index = new Map(rated.map((model, i) => [model, i]));
  const inFit = comparisonsOf(types, index);
  const results = new Map<string, ModelRating>();
  for (const [model, comparisons] of every) results.set(model, { model, comparisons, rating: null });
  if (rated.length >= 2) {
    const pairs = types.map((type) => ratedPairs(type, index));
    const runsPerKind = types.map((type) => type.runs);
    const point = fitLogStrengths(winMatrix(rated.length, pairs, runsPerKind), { priorWins });
    const intervals = bootstrapIntervals(rated.length, pairs, runsPerKind, point, { resamples, seed, priorWins });
    rated.forEach((model, i) => {
      results.set(model, { model, comparisons: inFit.get(model) ?? 0, rating: { score: BASE + SCALE * point[i], ...intervals[i] } });
    });
  }
  return [...results.keys()].sort().map((model) => results.get(model)!);
}

/** Outcomes per model; with an index, only those between indexed models. */
function comparisonsOf(types: readonly BattleType[], index: ReadonlyMap<string, number> | null): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (model: string, n: number) => counts.set(model, (counts.get(model) ?? 0) + n);
  for (const { winner, losers, runs } of types) {
    if (index && !index.has(winner)) continue;
    for (const loser of losers) {
      if (index && !index.has(loser)) continue;
      add(winner, runs);
      add(loser, runs);
    }
  }
  return counts;
}

/** Models with enough comparisons among themselves: dropping one can drop another, so repeat until none goes. */
function ratedModels(types: readonly BattleType[], every: ReadonlyMap<string, number>, minComparisons: number): string[] {
  let rated = [...every.keys()].filter((model) => every.get(model)! >= minComparisons);
  for (;;) {
    const counts = comparisonsOf(types, new Map(rated.map((model, i) => [model, i])));
    const kept = rated.filter((model) => (counts.get(model) ?? 0) >= minComparisons);
    if (kept.length === rated.length) return kept.sort();
    rated = kept;
  }
}

/** A kind of run as (winner, loser) index pairs among the rated models. */
function ratedPairs({ winner, losers }: BattleType, index: ReadonlyMap<string, number>): number[] {
  const w = index.get(winner);
  if (w === undefined) return [];
  return losers.flatMap((loser) => {
    const l = index.get(loser);
    return l === undefined ? [] : [w, l];
  });
}

function winMatrix(size: number, pairs: readonly number[][], runsPerKind: readonly number[]): WinMatrix {
  const matrix = emptyWinMatrix(size);
  pairs.forEach((kind, k) => {
    const runs = runsPerKind[k];
    if (runs === 0) return;
    for (let p = 0; p < kind.length; p += 2) matrix.wins[kind[p] * size + kind[p + 1]] += runs;
  });
  return matrix;
}

function bootstrapIntervals(
  size: number,
  pairs: readonly number[][],
  runsPerKind: readonly number[],
  point: Float64Array,
  { resamples, seed, priorWins }: { resamples: number; seed: number; priorWins: number },
): { low: number; high: number }[] {
  const resample = seededResampler(seed);
  const scores = Array.from({ length: size }, () => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    const logs = fitLogStrengths(winMatrix(size, pairs, resample(runsPerKind)), { priorWins, start: point });
    for (let i = 0; i < size; i++) scores[i][b] = BASE + SCALE * logs[i];
  }
  return scores.map((drawn) => {
    drawn.sort();
    return { low: quantile(drawn, 0.025), high: quantile(drawn, 0.975) };
  });
}

/** The q-quantile of sorted values, interpolating between neighbours (numpy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

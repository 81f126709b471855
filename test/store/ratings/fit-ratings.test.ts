import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitRatings } from '../../../store/ratings/fit-ratings.js';
import type { ModelRating } from '../../../store/ratings/fit-ratings.js';
import type { RatedRun } from '../../../store/ratings/battles.js';
import { seededRandom } from '../../helpers/seeded-random.js';

const times = (n: number, run: RatedRun): RatedRun[] => Array.from({ length: n }, () => run);
const byModel = (rows: ModelRating[]) => Object.fromEntries(rows.map((row) => [row.model, row]));
const score = (rows: ModelRating[], model: string) => byModel(rows)[model].rating!.score;


describe('fitRatings: hand-computed cases', () => {
  it('two models 3–1 are 1000 ± 400·log10(3)/2 before the prior', () => {
    const runs = [...times(3, { models: ['a', 'b'], winner: 'a' }), { models: ['a', 'b'], winner: 'b' }];
    const rows = fitRatings(runs, { priorWins: 0, minComparisons: 0 });
    expect(score(rows, 'a')).toBeCloseTo(1000 + (400 * Math.log10(3)) / 2, 6);
    expect(score(rows, 'b')).toBeCloseTo(1000 - (400 * Math.log10(3)) / 2, 6);
    expect(rows.map((row) => row.comparisons)).toEqual([4, 4]);
  });

  it('the prior of a half-win each way pulls 3–1 toward the average and keeps an unbeaten model finite', () => {
    const runs = [...times(3, { models: ['a', 'b'], winner: 'a' }), { models: ['a', 'b'], winner: 'b' }];
    const gap = score(fitRatings(runs, { minComparisons: 0 }), 'a') - 1000;
    expect(gap).toBeGreaterThan(0);
    expect(gap).toBeLessThan((400 * Math.log10(3)) / 2);
    const unbeaten = fitRatings(times(6, { models: ['a', 'b'], winner: 'a' }));
    expect(Number.isFinite(score(unbeaten, 'a'))).toBe(true);
    expect(score(unbeaten, 'a') + score(unbeaten, 'b')).toBeCloseTo(2000, 6);
  });

  it('a pick out of three is two outcomes: the winner beats each other model', () => {
    const rows = fitRatings(times(5, { models: ['a', 'b', 'c'], winner: 'a' }));
    expect(rows.map((row) => [row.model, row.comparisons])).toEqual([['a', 10], ['b', 5], ['c', 5]]);
    expect(score(rows, 'b')).toBeCloseTo(score(rows, 'c'), 9);
    expect(score(rows, 'a')).toBeGreaterThan(score(rows, 'b'));
  });

  it('a balanced cycle rates everyone 1000', () => {
    const runs = [
      ...times(4, { models: ['a', 'b'], winner: 'a' }),
      ...times(4, { models: ['b', 'c'], winner: 'b' }),
      ...times(4, { models: ['c', 'a'], winner: 'c' }),
    ];
    for (const row of fitRatings(runs, { priorWins: 0 })) expect(row.rating!.score).toBeCloseTo(1000, 6);
  });

  it('fewer than 5 comparisons: no rating, and out of the fit (the others keep a mean of 1000)', () => {
    const runs = [...times(6, { models: ['a', 'b'], winner: 'a' }), ...times(3, { models: ['b', 'c'], winner: 'b' }), ...times(4, { models: ['a', 'b'], winner: 'b' })];
    const rows = byModel(fitRatings(runs));
    expect(rows.c).toEqual({ model: 'c', comparisons: 3, rating: null });
    expect(rows.a.comparisons).toBe(10);
    expect(rows.b.comparisons).toBe(10); // its 3 wins over c are not in the fit
    expect(rows.a.rating!.score + rows.b.rating!.score).toBeCloseTo(2000, 6);
  });

  it('skips, unknown picks and single-model runs give no outcome', () => {
    expect(fitRatings([{ models: ['a', 'b'], winner: '' }, { models: ['a'], winner: 'a' }, { models: ['a', 'b'], winner: 'z' }])).toEqual([]);
  });

  it('intervals hold the score, come from 200 seeded resamples, and repeat exactly', () => {
    const runs = [...times(30, { models: ['a', 'b'], winner: 'a' }), ...times(20, { models: ['a', 'b'], winner: 'b' }), ...times(25, { models: ['b', 'c'], winner: 'b' }), ...times(10, { models: ['a', 'c'], winner: 'c' })];
    const first = fitRatings(runs);
    for (const row of first) {
      expect(row.rating!.low).toBeLessThan(row.rating!.score);
      expect(row.rating!.high).toBeGreaterThan(row.rating!.score);
    }
    expect(fitRatings(runs)).toEqual(first);
    expect(fitRatings(runs, { seed: 99 })).not.toEqual(first);
  });
});

describe('fitRatings: properties', () => {
  const models = ['m0', 'm1', 'm2', 'm3'];
  const runArb = fc
    .subarray(models, { minLength: 2, maxLength: 4 })
    .chain((subset) => fc.record({ models: fc.shuffledSubarray(subset, { minLength: subset.length, maxLength: subset.length }), winner: fc.constantFrom(...subset) }));
  const runsArb = fc.array(runArb, { minLength: 1, maxLength: 40 });

  it('shuffling the runs changes nothing', () => {
    fc.assert(
      fc.property(runsArb, fc.integer(), (runs, salt) => {
        const shuffled = [...runs].sort((a, b) => ((JSON.stringify(a).length * salt) % 7) - ((JSON.stringify(b).length * salt) % 7));
        expect(fitRatings(shuffled, { resamples: 200 })).toEqual(fitRatings(runs, { resamples: 200 }));
      }),
      { numRuns: 40 },
    );
  });

  it('relabelling the models relabels the scores and comparisons', () => {
    const rename: Record<string, string> = { m0: 'z', m1: 'y', m2: 'x', m3: 'w' };
    fc.assert(
      fc.property(runsArb, (runs) => {
        const renamed = runs.map((run) => ({ models: run.models.map((m) => rename[m]), winner: rename[run.winner] }));
        const before = byModel(fitRatings(runs, { resamples: 200 }));
        const after = byModel(fitRatings(renamed, { resamples: 200 }));
        expect(Object.keys(after).sort()).toEqual(Object.keys(before).map((m) => rename[m]).sort());
        for (const [model, row] of Object.entries(before)) {
          const other = after[rename[model]];
          expect(other.comparisons).toBe(row.comparisons);
          if (row.rating === null) expect(other.rating).toBeNull();
          else expect(other.rating!.score).toBeCloseTo(row.rating.score, 6);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('adding a win never lowers the winner’s score', () => {
    fc.assert(
      fc.property(runsArb, runArb, (runs, extra) => {
        // every model rated before and after, so the set the mean is taken over stays the same
        const base = [...runs, ...models.flatMap((m, i) => times(3, { models: [m, models[(i + 1) % 4]], winner: m }))];
        const before = byModel(fitRatings(base, { resamples: 200 }));
        const after = byModel(fitRatings([...base, extra], { resamples: 200 }));
        expect(after[extra.winner].rating!.score).toBeGreaterThanOrEqual(before[extra.winner].rating!.score - 1e-6);
      }),
      { numRuns: 60 },
    );
  });
});

describe('fitRatings: generated data', () => {
  it('recovers known strengths: the order, and every score within ±15', () => {
    const truth: Record<string, number> = { alpha: 1180, beta: 1090, gamma: 1000, delta: 930, epsilon: 800 };
    const names = Object.keys(truth);
    const random = seededRandom(2026);
    const runs: RatedRun[] = [];
    for (let n = 0; n < 12_000; n++) {
      const i = Math.floor(random() * names.length);
      const j = (i + 1 + Math.floor(random() * (names.length - 1))) % names.length;
      const [a, b] = [names[i], names[j]];
      const winsA = 1 / (1 + 10 ** ((truth[b] - truth[a]) / 400));
      runs.push({ models: [a, b], winner: random() < winsA ? a : b });
    }
    const rows = fitRatings(runs);
    const ranked = [...rows].sort((x, y) => y.rating!.score - x.rating!.score).map((row) => row.model);
    expect(ranked).toEqual(names);
    for (const row of rows) {
      expect(Math.abs(row.rating!.score - truth[row.model]), row.model).toBeLessThanOrEqual(15);
      expect(row.rating!.low).toBeLessThanOrEqual(truth[row.model] + 15);
      expect(row.rating!.high).toBeGreaterThanOrEqual(truth[row.model] - 15);
    }
  });
});

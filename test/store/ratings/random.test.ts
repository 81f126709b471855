import { describe, expect, it } from 'vitest';
import { binomial, seededRandom } from '../../../store/ratings/random.js';
import { seededResampler } from '../../../store/ratings/bootstrap.js';

function moments(draws: number[]): { mean: number; variance: number } {
  const mean = draws.reduce((sum, x) => sum + x, 0) / draws.length;
  const variance = draws.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (draws.length - 1);
  return { mean, variance };
}

describe('seeded random draws', () => {
  it('the same seed gives the same numbers, another seed others, all in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 1000 }, seededRandom(seed).next);
    expect(take(7)).toEqual(take(7));
    expect(take(7)).not.toEqual(take(8));
    expect(take(7).every((x) => x >= 0 && x < 1)).toBe(true);
    expect(moments(take(7)).mean).toBeCloseTo(0.5, 1);
  });

  it.each([
    [120_000, 0.3],
    [5_000, 0.002],
    [1_000, 0.97],
    [64, 0.5],
    [39, 0.2],
  ])('binomial(%i, %f) has the mean and variance it should', (n, p) => {
    const random = seededRandom(n);
    const draws = Array.from({ length: 4000 }, () => binomial(random, n, p));
    expect(draws.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true);
    const { mean, variance } = moments(draws);
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws.length));
    expect(variance / (n * p * (1 - p))).toBeGreaterThan(0.85);
    expect(variance / (n * p * (1 - p))).toBeLessThan(1.15);
  });

  it('binomial(10, 0.3) matches its distribution value by value', () => {
    const random = seededRandom(3);
    const counts = new Array(11).fill(0);
    const draws = 40_000;
    for (let i = 0; i < draws; i++) counts[binomial(random, 10, 0.3)]++;
    let choose = 1;
    for (let k = 0; k <= 10; k++) {
      const expected = draws * choose * 0.3 ** k * 0.7 ** (10 - k);
      expect(Math.abs(counts[k] - expected), `k=${k}`).toBeLessThan(5 * Math.sqrt(expected) + 1);
      choose = (choose * (10 - k)) / (k + 1);
    }
  });

  it('a resample keeps the number of runs and draws each kind in proportion', () => {
    const resample = seededResampler(1);
    const totals = [0, 0, 0];
    for (let b = 0; b < 500; b++) {
      const drawn = resample([6000, 3000, 1000]);
      expect(drawn.reduce((sum, x) => sum + x, 0)).toBe(10_000);
      drawn.forEach((x, k) => (totals[k] += x));
    }
    expect(totals.map((x) => x / 500 / 10_000)).toEqual([expect.closeTo(0.6, 2), expect.closeTo(0.3, 2), expect.closeTo(0.1, 2)]);
    expect(resample([0, 5, 0])).toEqual([0, 5, 0]);
  });
});

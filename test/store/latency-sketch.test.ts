import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLatency, mergeSketch, sketchFromArray, sketchQuantile, sketchToArray, type LatencySketch } from '../../store/latency-sketch.js';

const sketchOf = (values: number[]): LatencySketch => {
  const sketch: LatencySketch = new Map();
  for (const value of values) addLatency(sketch, value);
  return sketch;
};

describe('latency sketch', () => {
  it('gives equal latencies back exactly, and nothing for no latency', () => {
    expect(sketchQuantile(sketchOf([1000, 1000, 1000]), 0.5)).toBe(1000);
    expect(sketchQuantile(sketchOf([0, 0]), 0.9)).toBe(0);
    expect(sketchQuantile(new Map(), 0.5)).toBeNull();
  });

  it('p50 and p90 are within 2% of the exact nearest-rank percentiles, merged or not, and survive the cache form', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 3_600_000 }), { minLength: 1, maxLength: 200 }), fc.nat(), (values, cut) => {
        const split = cut % values.length;
        const merged = sketchOf(values.slice(0, split));
        mergeSketch(merged, sketchFromArray(sketchToArray(sketchOf(values.slice(split)))));
        const sorted = [...values].sort((a, b) => a - b);
        for (const q of [0.5, 0.9]) {
          const exact = sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1];
          const got = sketchQuantile(merged, q)!;
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(exact * 0.02 + 0.5);
        }
      }),
      { numRuns: 300 },
    );
  });
});

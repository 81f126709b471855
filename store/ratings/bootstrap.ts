// Resampling runs with replacement, done by kind: drawing N runs from K kinds of identical runs is one
// multinomial draw of N over the kinds' shares, so a resample costs K binomial draws, not N.
import { binomial, seededRandom } from './random.js';

export type Resampler = (runsPerKind: readonly number[]) => number[];

/** A seeded resampler: the same seed and counts give the same resamples, run after run. */
export function seededResampler(seed: number): Resampler {
  const random = seededRandom(seed);
  return (runsPerKind) => {
    let remaining = 0;
    for (const runs of runsPerKind) remaining += runs;
    let massLeft = remaining;
    return runsPerKind.map((runs) => {
      // each kind's draw is conditioned on what the kinds before it took
      const drawn = remaining === 0 || runs === 0 ? 0 : runs >= massLeft ? remaining : binomial(random, remaining, runs / massLeft);
      remaining -= drawn;
      massLeft -= runs;
      return drawn;
    });
  };
}

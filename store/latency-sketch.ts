// Latency percentiles that add up across sessions: counts per logarithmic bucket (the idea of DDSketch,
// relative accuracy 2%), so a cached session adds its buckets instead of every latency it ever saw. Each
// bucket also keeps the sum of its latencies, so a bucket stands for their mean: exact when they are equal.

/** Bucket i holds latencies in (γ^(i−1), γ^i]: any two in it are within 2% of each other, so is their mean. */
const GAMMA = 1.02;
const LOG_GAMMA = Math.log(GAMMA);
/** 0 ms (and anything below 1 ms) has a bucket of its own */
const ZERO_BUCKET = -1;

export interface Bucket {
  count: number;
  sumMs: number;
}

/** bucket index → the latencies that fell in it */
export type LatencySketch = Map<number, Bucket>;

export function bucketOf(latencyMs: number): number {
  return latencyMs < 1 ? ZERO_BUCKET : Math.max(0, Math.ceil(Math.log(latencyMs) / LOG_GAMMA));
}

export function addLatency(sketch: LatencySketch, latencyMs: number): void {
  const index = bucketOf(latencyMs);
  const bucket = sketch.get(index);
  if (bucket) {
    bucket.count++;
    bucket.sumMs += latencyMs;
  } else sketch.set(index, { count: 1, sumMs: latencyMs });
}

export function mergeSketch(into: LatencySketch, from: ReadonlyMap<number, Bucket>): void {
  for (const [index, { count, sumMs }] of from) {
    const bucket = into.get(index);
    if (bucket) {
      bucket.count += count;
      bucket.sumMs += sumMs;
    } else into.set(index, { count, sumMs });
  }
}

/** The q-quantile (0..1, nearest rank) in ms, rounded: the mean of its bucket, within 2%; null for an empty sketch. */
export function sketchQuantile(sketch: ReadonlyMap<number, Bucket>, q: number): number | null {
  let total = 0;
  for (const { count } of sketch.values()) total += count;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const index of [...sketch.keys()].sort((a, b) => a - b)) {
    const { count, sumMs } = sketch.get(index)!;
    seen += count;
    if (seen >= rank) return Math.round(sumMs / count);
  }
  return null;
}

/** [bucket, count, sum, bucket, count, sum, …]: the compact form the stats cache keeps. */
export function sketchToArray(sketch: ReadonlyMap<number, Bucket>): number[] {
  const flat: number[] = [];
  for (const [index, { count, sumMs }] of sketch) flat.push(index, count, sumMs);
  return flat;
}

export function sketchFromArray(triples: readonly number[]): LatencySketch {
  const sketch: LatencySketch = new Map();
  for (let i = 0; i + 2 < triples.length; i += 3) sketch.set(triples[i], { count: triples[i + 1], sumMs: triples[i + 2] });
  return sketch;
}

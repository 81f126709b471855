// Seeded random draws for the bootstrap: the same seed gives the same numbers on every machine.
// Written here (about 60 lines) because the libraries that draw binomials (stdlib's) bring hundreds of
// modules and 380 KB into the store chunk that every start-up loads.

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through splitmix32. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return { next };
}

/** Standard normal (Marsaglia's polar method). */
function normal(random: Random): number {
  for (;;) {
    const u = 2 * random.next() - 1;
    const v = 2 * random.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, 1) for shape ≥ 1 (Marsaglia and Tsang 2000). */
function gamma(random: Random, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Below this many trials the binomial is drawn by walking its distribution from 0. */
const INVERSION_TRIALS = 40;

/**
 * Binomial(n, p), exactly: for large n, Knuth's split (TAOCP 3.4.1): the i-th smallest of n uniforms is
 * Beta(i, n + 1 − i); which side of p it falls on leaves a binomial of about half the trials.
 */
export function binomial(random: Random, n: number, p: number): number {
  let successes = 0;
  while (n > 0 && p > 0) {
    if (p >= 1) return successes + n;
    if (n < INVERSION_TRIALS) return successes + binomialByInversion(random, n, p);
    const i = 1 + (n >> 1);
    const left = gamma(random, i);
    const x = left / (left + gamma(random, n + 1 - i));
    if (x < p) {
      successes += i;
      n -= i;
      p = (p - x) / (1 - x);
    } else {
      n = i - 1;
      p = p / x;
    }
  }
  return successes;
}

function binomialByInversion(random: Random, n: number, p: number): number {
  const q = 1 - p;
  let probability = q ** n;
  let cumulative = probability;
  const u = random.next();
  let k = 0;
  while (u >= cumulative && k < n) {
    probability *= ((n - k) / (k + 1)) * (p / q);
    k++;
    cumulative += probability;
  }
  return k;
}

// Bradley–Terry strengths by maximum likelihood, with Newton's method on the log strengths θ
// (P(i beats j) = σ(θ_i − θ_j)). The log-likelihood is concave, so Newton with step halving converges
// in a handful of steps where Hunter's MM updates take thousands.

/** Wins between `size` players: `wins[i * size + j]` is how often player i beat player j. */
export interface WinMatrix {
  size: number;
  wins: Float64Array;
}

export interface StrengthFitOptions {
  /**
   * Each player's half-wins (and as many half-losses) against a fixed virtual player of strength 1
   * (θ = 0), so a player that never lost (or never won) stays finite. 0 fits the plain likelihood,
   * which needs every player to have won and lost (it is then pinned by the last player, θ = 0).
   */
  priorWins?: number;
  /** log10 strengths to start from (a bootstrap starts from the full fit: it converges in a step or two) */
  start?: Float64Array;
}

/** in natural-log strength: a millionth of a score point */
const TOLERANCE = 1e-8;
const MAX_ITERATIONS = 100;

export function emptyWinMatrix(size: number): WinMatrix {
  return { size, wins: new Float64Array(size * size) };
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** log10 strengths, shifted so their mean is 0. */
export function fitLogStrengths(matrix: WinMatrix, options: StrengthFitOptions = {}): Float64Array {
  const { size } = matrix;
  const prior = options.priorWins ?? 0;
  // without the virtual player nothing pins the scale: the last player stays at 0
  const free = prior > 0 ? size : size - 1;
  let theta = new Float64Array(size);
  if (options.start) for (let i = 0; i < size; i++) theta[i] = options.start[i] * Math.LN10;
  if (prior === 0 && size > 0) {
    const last = theta[size - 1];
    for (let i = 0; i < size; i++) theta[i] -= last;
  }
  let current = logLikelihood(matrix, theta, prior);
  let next = new Float64Array(size);
  for (let iteration = 0; iteration < MAX_ITERATIONS && free > 0; iteration++) {
    const { gradient, negHessian } = derivatives(matrix, theta, prior, free);
    const step = solve(negHessian, gradient, free);
    if (step === null) break;
    let scale = 1;
    let value = current;
    // step halving keeps every step uphill, so a far start (or extreme data) cannot overshoot
    for (let halvings = 0; halvings < 30; halvings++, scale /= 2) {
      for (let i = 0; i < size; i++) next[i] = i < free ? theta[i] + scale * step[i] : theta[i];
      value = logLikelihood(matrix, next, prior);
      if (value >= current - 1e-12) break;
    }
    let change = 0;
    for (let i = 0; i < free; i++) change = Math.max(change, Math.abs(next[i] - theta[i]));
    [theta, next] = [next, theta];
    current = value;
    if (change < TOLERANCE) break;
  }
  let mean = 0;
  for (const t of theta) mean += t / size;
  const logs = new Float64Array(size);
  for (let i = 0; i < size; i++) logs[i] = (theta[i] - mean) / Math.LN10;
  return logs;
}

function logLikelihood({ size, wins }: WinMatrix, theta: Float64Array, prior: number): number {
  let sum = 0;
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const w = wins[i * size + j];
      if (w > 0) sum -= w * Math.log1p(Math.exp(theta[j] - theta[i]));
    }
    if (prior > 0) sum -= prior * (Math.log1p(Math.exp(-theta[i])) + Math.log1p(Math.exp(theta[i])));
  }
  return sum;
}

/** The gradient and the negated Hessian over the first `free` players. */
function derivatives({ size, wins }: WinMatrix, theta: Float64Array, prior: number, free: number): { gradient: Float64Array; negHessian: Float64Array } {
  const gradient = new Float64Array(free);
  const negHessian = new Float64Array(free * free);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const wij = wins[i * size + j];
      const wji = wins[j * size + i];
      const games = wij + wji;
      if (games === 0) continue;
      const p = sigmoid(theta[i] - theta[j]);
      const curvature = games * p * (1 - p);
      // d/dθ_i: wins of i − expected wins of i
      if (i < free) {
        gradient[i] += wij - games * p;
        negHessian[i * free + i] += curvature;
      }
      if (j < free) {
        gradient[j] += wji - games * (1 - p);
        negHessian[j * free + j] += curvature;
      }
      if (i < free && j < free) {
        negHessian[i * free + j] -= curvature;
        negHessian[j * free + i] -= curvature;
      }
    }
  }
  if (prior > 0) {
    for (let i = 0; i < free; i++) {
      const p = sigmoid(theta[i]);
      gradient[i] += prior * (1 - 2 * p);
      negHessian[i * free + i] += 2 * prior * p * (1 - p);
    }
  }
  return { gradient, negHessian };
}

/** x with A·x = b (Gaussian elimination, partial pivoting); null when A is singular. */
function solve(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array | null {
  const a = Float64Array.from(matrix);
  const b = Float64Array.from(rhs);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let row = col + 1; row < n; row++) if (Math.abs(a[row * n + col]) > Math.abs(a[pivot * n + col])) pivot = row;
    if (Math.abs(a[pivot * n + col]) < 1e-300) return null;
    if (pivot !== col) {
      for (let k = 0; k < n; k++) [a[col * n + k], a[pivot * n + k]] = [a[pivot * n + k], a[col * n + k]];
      [b[col], b[pivot]] = [b[pivot], b[col]];
    }
    for (let row = col + 1; row < n; row++) {
      const factor = a[row * n + col] / a[col * n + col];
      if (factor === 0) continue;
      for (let k = col; k < n; k++) a[row * n + k] -= factor * a[col * n + k];
      b[row] -= factor * b[col];
    }
  }
  const x = new Float64Array(n);
  for (let row = n - 1; row >= 0; row--) {
    let sum = b[row];
    for (let k = row + 1; k < n; k++) sum -= a[row * n + k] * x[k];
    x[row] = sum / a[row * n + row];
  }
  return x;
}

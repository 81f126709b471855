// Go's time.Duration text form, held as milliseconds: parseDuration reads what Go's time.ParseDuration
// reads (plus whole seconds, which recipes allow), formatDuration writes exactly what Duration.String writes.

const NANOS_PER_MS = 1_000_000n;
const NANOS_PER_SECOND = 1_000_000_000n;
/** Go durations are int64 nanoseconds. */
const MAX_NANOS = (1n << 63n) - 1n;

// A Map, not an object literal, so that a unit such as "constructor" is not found on Object.prototype.
const nanosPerUnit = new Map<string, bigint>([
  ['ns', 1n],
  ['us', 1_000n],
  ['\u00b5s', 1_000n], // µ MICRO SIGN
  ['\u03bcs', 1_000n], // μ GREEK SMALL LETTER MU
  ['ms', NANOS_PER_MS],
  ['s', NANOS_PER_SECOND],
  ['m', 60n * NANOS_PER_SECOND],
  ['h', 3600n * NANOS_PER_SECOND],
]);

/** Milliseconds from a Go duration (`5m0s`, `1.5s`, `500ms`, `-2h`) or whole seconds (`30`); throws on anything else. */
export function parseDuration(text: string): number {
  const s = text.trim();
  if (/^\d+$/.test(s)) {
    const ms = Number(s) * 1000;
    if (!Number.isSafeInteger(ms)) throw new Error(`bad duration ${JSON.stringify(text)}: too large`);
    return ms;
  }
  return nanosToMs(parseGoNanos(s, text));
}

/** Go's Duration.String() for a number of milliseconds: `5m0s`, `2m0s`, `1h0m0s`, `1.5s`, `500ms`, `0s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error(`cannot format ${ms} ms as a duration`);
  const wholeMs = Math.trunc(ms);
  const nanos = BigInt(wholeMs) * NANOS_PER_MS + BigInt(Math.round((ms - wholeMs) * 1e6));
  const negative = nanos < 0n;
  const text = formatNanos(negative ? -nanos : nanos);
  return negative ? `-${text}` : text;
}

function nanosToMs(nanos: bigint): number {
  // Split before converting so that large values keep their sub-millisecond part exactly.
  return Number(nanos / NANOS_PER_MS) + Number(nanos % NANOS_PER_MS) / 1e6;
}

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Go's time.ParseDuration: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or `0` alone. */
function parseGoNanos(s: string, original: string): bigint {
  const bad = (why: string) => new Error(`bad duration ${JSON.stringify(original)}: ${why}`);
  let i = 0;
  let negative = false;
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-';
    i = 1;
  }
  if (s.slice(i) === '0') return 0n;
  if (i === s.length) throw bad('empty');
  let total = 0n;
  while (i < s.length) {
    const intStart = i;
    while (isDigit(s[i])) i++;
    const intPart = s.slice(intStart, i);
    let fracPart = '';
    if (s[i] === '.') {
      const fracStart = ++i;
      while (isDigit(s[i])) i++;
      fracPart = s.slice(fracStart, i);
    }
    if (intPart === '' && fracPart === '') throw bad('want a number before each unit');
    const unitStart = i;
    while (i < s.length && s[i] !== '.' && !isDigit(s[i])) i++;
    const unit = s.slice(unitStart, i);
    if (unit === '') throw bad('missing unit (ns, us, ms, s, m or h)');
    const scale = nanosPerUnit.get(unit);
    if (scale === undefined) throw bad(`unknown unit ${JSON.stringify(unit)}`);
    total += BigInt(intPart || '0') * scale;
    // Go truncates the fraction to whole nanoseconds.
    if (fracPart !== '') total += (BigInt(fracPart) * scale) / 10n ** BigInt(fracPart.length);
    if (total > MAX_NANOS) throw bad('too large');
  }
  return negative ? -total : total;
}

/** The last `digits` decimal digits of `value` as ".ddd" without trailing zeros ('' when all zero), and the rest. */
function splitFraction(value: bigint, digits: number): { fraction: string; rest: bigint } {
  let fraction = '';
  let rest = value;
  for (let n = 0; n < digits; n++) {
    const digit = rest % 10n;
    if (fraction !== '' || digit !== 0n) fraction = `${digit}${fraction}`;
    rest /= 10n;
  }
  return { fraction: fraction === '' ? '' : `.${fraction}`, rest };
}

/** Go's Duration.format for a non-negative number of nanoseconds. */
function formatNanos(nanos: bigint): string {
  if (nanos === 0n) return '0s';
  if (nanos < NANOS_PER_SECOND) {
    // Under a second Go switches to the largest unit that keeps a whole part: 1.2ms, 800µs, 15ns.
    const [unit, digits] =
      nanos < 1_000n ? (['ns', 0] as const) : nanos < NANOS_PER_MS ? (['\u00b5s', 3] as const) : (['ms', 6] as const);
    const { fraction, rest } = splitFraction(nanos, digits);
    return `${rest}${fraction}${unit}`;
  }
  const { fraction, rest: totalSeconds } = splitFraction(nanos, 9);
  let text = `${totalSeconds % 60n}${fraction}s`;
  const totalMinutes = totalSeconds / 60n;
  if (totalMinutes > 0n) {
    text = `${totalMinutes % 60n}m${text}`;
    const hours = totalMinutes / 60n;
    if (hours > 0n) text = `${hours}h${text}`;
  }
  return text;
}

// Timestamps are kept as the RFC 3339 strings read; these helpers order them without losing digits.

/** The timestamp bakeoff writes for "now". */
export function nowTimestamp(): string {
  return new Date().toISOString();
}

const fraction = /\.(\d+)/;

/** Nanoseconds since the epoch; Date.parse alone would drop digits past the millisecond. */
export function timestampNanos(ts: string): bigint {
  const digits = fraction.exec(ts)?.[1] ?? '';
  const ms = Date.parse(ts.replace(fraction, digits ? '.' + digits.slice(0, 3).padEnd(3, '0') : ''));
  if (Number.isNaN(ms)) return 0n;
  const subMillisecond = BigInt((digits.slice(3) + '000000').slice(0, 6));
  return BigInt(ms) * 1_000_000n + subMillisecond;
}

/** Negative when `a` is earlier than `b`, whatever offsets they were written with. */
export function compareTimestamps(a: string, b: string): number {
  const d = timestampNanos(a) - timestampNanos(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

// `--older-than 30d`: an age in minutes, hours, days or weeks, turned into the cutoff timestamp it means.
import * as z from 'zod';

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `90m`, `12h`, `30d`, `2w` → milliseconds. */
export const ageSchema = z
  .string()
  .regex(/^\d{1,6}[mhdw]$/, 'needs an age such as 90m, 12h, 30d or 2w')
  .transform((text) => Number(text.slice(0, -1)) * unitMs[text.slice(-1) as keyof typeof unitMs]);

/** The RFC 3339 time `ageMs` before now. */
export function cutoffFor(ageMs: number, now = Date.now()): string {
  return new Date(now - ageMs).toISOString();
}

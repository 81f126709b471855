// `--older-than 30d`: an age in minutes, hours, days or weeks, turned into the cutoff timestamp it means.
import * as z from 'zod';
import { WHOLE_LINE } from '../numeric-option.js';

const unitMs = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/** `90m`, `12h`, `30d`, `2w` → milliseconds. */
export const ageSchema = z.string().transform((text, context) => {
  const age = /^(\d{1,6})([mhdw])$/.exec(text.trim());
  if (age) return Number(age[1]) * unitMs[age[2] as keyof typeof unitMs];
  context.addIssue({ code: 'custom', message: `--older-than must be an age such as 90m, 12h, 30d or 2w (got ${JSON.stringify(text)})`, params: WHOLE_LINE });
  return z.NEVER;
});

/** The RFC 3339 time `ageMs` before now. */
export function cutoffFor(ageMs: number, now = Date.now()): string {
  return new Date(now - ageMs).toISOString();
}

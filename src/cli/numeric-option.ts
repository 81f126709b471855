// Every numeric option of the command line is read here, so each says what it wants and what it got
// (`--to must be a run number (got "abc")`) instead of zod's `expected number, received NaN`.
import * as z from 'zod';

/** Marks an issue whose message is the whole line (it names the option itself). */
export const WHOLE_LINE = { wholeLine: true } as const;

/** A whole number ≥ `min` given as option `flag`; `what` names it for the user ("a run number"). */
export function wholeNumberOption(flag: string, what: string, min = 1) {
  return z.string().transform((text, context) => {
    const trimmed = text.trim();
    const value = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    if (Number.isSafeInteger(value) && value >= min) return value;
    const floor = Number.isSafeInteger(value) ? ` from ${min}` : '';
    context.addIssue({ code: 'custom', message: `${flag} must be ${what}${floor} (got ${JSON.stringify(text)})`, params: WHOLE_LINE });
    return z.NEVER;
  });
}

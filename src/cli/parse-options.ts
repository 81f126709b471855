// Commander hands over loosely typed values; a zod schema per command turns them into typed options or a UsageError.
import type { z } from 'zod';
import { UsageError } from './usage-error.js';
import { WHOLE_LINE } from './numeric-option.js';

/** `dataDir` → `--data-dir`, so a message names the option as the user typed it. */
function flagFor(key: PropertyKey): string {
  return '--' + String(key).replace(/[A-Z]/g, (letter) => '-' + letter.toLowerCase());
}

export function parseOptions<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const key = issue.path[0];
  if (issue.code === 'custom' && issue.params?.wholeLine === WHOLE_LINE.wholeLine) throw new UsageError(issue.message);
  throw new UsageError(key === undefined ? issue.message : `${flagFor(key)}: ${issue.message}`);
}

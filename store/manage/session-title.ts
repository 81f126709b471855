// A session's title, in a bakeoff-owned `title.json` beside its metadata. Not a metadata key: Errata decodes
// session_metadata.json into a fixed struct and writes it back whole, so an extra key would vanish the first
// time Errata continues the session; a file of its own is ignored by Errata and survives it.
import { join } from 'node:path';
import * as z from 'zod';
import { codePointCount } from '../code-points.js';
import { writeDurably } from '../durable-file.js';
import { readJsonFile } from '../read-json.js';
import { setAsideIfUnparsable } from '../quarantine.js';

export const TITLE_FILE = 'title.json';

/** Code points: a title is a name, not a description. */
export const MAX_TITLE_LENGTH = 80;

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Why `title` cannot be a session title, or null when it can. */
export function titleProblem(title: string): string | null {
  if (title.trim() === '') return 'a title cannot be empty';
  if (title !== title.trim()) return 'a title cannot start or end with spaces';
  // a code point is at most two code units: the length rules out a huge title before it is walked
  if (title.length > 2 * MAX_TITLE_LENGTH || codePointCount(title) > MAX_TITLE_LENGTH) return `a title has at most ${MAX_TITLE_LENGTH} characters`;
  if (controlCharacter.test(title)) return 'a title cannot hold control characters or line breaks';
  // so every title is also a plain name, and a name that is not one is refused before touching the disk
  if (/[/\\]/.test(title) || title === '.' || title === '..') return 'a title cannot hold / or \\, or be . or ..';
  // the id resolver tries ids first: a title that looks like one could never be used
  if (/^ses_/i.test(title)) return 'a title cannot start with "ses_" (that is how session ids start)';
  return null;
}

export class TitleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TitleError';
  }
}

/** What a title is checked as on every read: the file is data, and data may be hostile. */
const titleFileSchema = z.object({
  version: z.literal(1),
  title: z.string().refine((title) => titleProblem(title) === null, { message: 'not a usable title' }),
});

export function titlePath(sessionDir: string): string {
  return join(sessionDir, TITLE_FILE);
}

/** The file's title; null when there is none. A title.json that does not parse is an UnparsableFileError naming it (Store.open sets it aside). */
export async function readTitleFile(sessionDir: string): Promise<string | null> {
  const read = await readJsonFile(titlePath(sessionDir), titleFileSchema);
  return read?.value.title ?? null;
}

/**
 * The session's title; null when it has none. A title.json that does not parse is set aside as every data file is
 * (`title.json.corrupt-<time>`, one warning naming it, quarantine.ts): a title is cosmetic, so nothing fails over it.
 */
export async function readTitle(sessionDir: string): Promise<string | null> {
  return (await setAsideIfUnparsable(titlePath(sessionDir), () => readTitleFile(sessionDir))).value;
}

/** The title, or null when it has none or its file cannot be used (listings must not fail on one bad file). */
export async function readTitleQuietly(sessionDir: string): Promise<string | null> {
  return readTitle(sessionDir).catch(() => null);
}

/** Only the holder of the session's lock writes here (the Store, or a command holding the lock). */
export async function writeTitle(sessionDir: string, title: string): Promise<void> {
  const problem = titleProblem(title);
  if (problem) throw new TitleError(`${problem}: ${JSON.stringify(title)}`);
  await writeDurably(titlePath(sessionDir), JSON.stringify({ version: 1, title }));
}

/** Titles are compared without regard to case: `Bug hunt` and `bug hunt` name the same session. */
export function sameTitle(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

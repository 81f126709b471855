// A session's header as a listing shows it: session_metadata.json without its runs, each text field cut as it
// is read. The file's bytes are scanned for the header's values (json-spans) and only a bounded head of each
// string is decoded, so a 100 MB first_prompt costs one scan of its bytes and a few KB of heap, never a string
// of 100 MB, and the runs (as long as the history) are never parsed. Runs are checked when the session opens.
import * as z from 'zod';
import { isHighSurrogate } from './code-points.js';
import { DataFileError } from './errors.js';
import { arrayElements, documentSpan, objectMembers } from './json-spans.js';
import type { Span } from './json-spans.js';
import { jsonSyntaxReason, readBytes, UnparsableFileError } from './read-json.js';
import { sessionMetadataSchema } from './schemas.js';
import type { SessionMetadata } from './schemas.js';

export type SessionHeader = Omit<SessionMetadata, 'runs'>;

/** Code units a listed text field keeps (a prompt bakeoff writes is 120; only a crafted file is longer). */
export const LISTED_TEXT_CHARS = 1000;
/** Model ids a listed session keeps. */
export const LISTED_MODELS = 50;
/** The largest metadata file a listing scans: its bytes sit outside the JS heap and are never decoded whole. */
export const MAX_SCANNED_FILE_BYTES = 512 * 1024 * 1024;
/** Ids, timestamps, hashes and numbers longer than this are not what they claim to be. */
const MAX_SHORT_VALUE_BYTES = 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The header schema: the metadata's shape without `runs`. */
const { runs: _runs, ...headerShape } = sessionMetadataSchema.shape;
const headerSchema = z.object(headerShape);

/** Where a cut may fall in the JSON string at `span` near `limit`: never inside an escape or a UTF-8 character. */
function safeCut(bytes: Buffer, span: Span, limit: number): number {
  let at = span.start + 1;
  while (at < limit) {
    const byte = bytes[at];
    const size = byte === BACKSLASH ? (bytes[at + 1] === 0x75 ? 6 : 2) : byte < 0x80 ? 1 : byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    if (at + size > limit) break;
    at += size;
  }
  return at;
}

/** The JSON string at `span`, decoded; a longer one is cut to `max` code units with `…` (never a lone surrogate). */
export function boundedString(bytes: Buffer, span: Span, max: number): string {
  if (bytes[span.start] !== QUOTE) throw new SyntaxError(`expected a string at byte ${span.start}`);
  // each code unit is at most 6 bytes in JSON (a \uXXXX escape)
  const limit = span.start + 1 + max * 6;
  if (span.end - 1 <= limit) return boundedText(JSON.parse(bytes.toString('utf8', span.start, span.end)) as string, max);
  const head = JSON.parse(bytes.toString('utf8', span.start, safeCut(bytes, span, limit)) + '"') as string;
  return cutText(head, max);
}

/** `text` cut to `max` code units with `…` when longer. */
export function boundedText(text: string, max: number): string {
  return text.length > max ? cutText(text, max) : text;
}

function cutText(text: string, max: number): string {
  let end = Math.min(text.length, max);
  if (isHighSurrogate(text.charCodeAt(end - 1))) end--;
  return `${text.slice(0, end)}…`;
}

/** A header value decoded within bounds: strings cut, lists of strings cut to LISTED_MODELS, anything else short. */
function boundedValue(bytes: Buffer, span: Span): unknown {
  const first = bytes[span.start];
  if (first === QUOTE) return boundedString(bytes, span, LISTED_TEXT_CHARS);
  if (first === 0x5b) {
    const elements = arrayElements(bytes, span, LISTED_MODELS);
    return elements.map((element) => (bytes[element.start] === QUOTE ? boundedString(bytes, element, LISTED_TEXT_CHARS) : boundedValue(bytes, element)));
  }
  if (span.end - span.start > MAX_SHORT_VALUE_BYTES) throw new SyntaxError(`a value of ${span.end - span.start} bytes at byte ${span.start}`);
  return JSON.parse(bytes.toString('utf8', span.start, span.end));
}

/** session_metadata.json's header from its bytes (read from `path`), its text fields cut; its runs are not read. */
export function parseSessionHeader(path: string, bytes: Buffer): SessionHeader {
  const raw: Record<string, unknown> = {};
  try {
    const members = objectMembers(bytes, documentSpan(bytes));
    for (const key of Object.keys(headerShape)) {
      const span = members.get(key);
      if (!span) continue;
      const value = boundedValue(bytes, span);
      // Go writes a nil list as null: the same as a missing key
      if (value !== null) raw[key] = value;
    }
  } catch (error) {
    throw new UnparsableFileError(path, jsonSyntaxReason(error));
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) throw new UnparsableFileError(path, DataFileError.fromZod(path, parsed.error).reason);
  return parsed.data;
}

/** The header of the session_metadata.json at `path`; null when it is missing. */
export async function loadSessionHeader(path: string): Promise<SessionHeader | null> {
  const bytes = await readBytes(path, MAX_SCANNED_FILE_BYTES);
  return bytes && parseSessionHeader(path, bytes);
}

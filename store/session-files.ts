// session_metadata.json and session_content.json: load, validate, and save from cached pieces.
import { sessionContentSchema, sessionMetadataSchema } from './schemas.js';
import type { SessionContent, SessionMetadata } from './schemas.js';
import { readBytes, parseJsonBytes } from './read-json.js';
import { adoptEncoding, adoptJoinedEncoding, arrayPieces, objectPieces, valuePieces } from './json-cache.js';
import { arrayElements, documentSpan, objectMembers } from './json-spans.js';
import type { Span } from './json-spans.js';
import { writeDurably } from './durable-file.js';
import { parseContentPiecewise } from './content-load.js';
import { nowTimestamp } from './timestamp.js';

export interface LoadOptions {
  /** Keep each run's bytes as read, so saving it again costs nothing (the Store's way of loading). */
  keepEncodings?: boolean;
}

export function newSessionMetadata(id: string, models: string[] = [], createdAt = nowTimestamp()): SessionMetadata {
  return { id, created_at: createdAt, last_active_at: createdAt, models, prompt_count: 0, runs: [] };
}

export async function loadMetadata(path: string, options: LoadOptions = {}): Promise<SessionMetadata | null> {
  const bytes = await readBytes(path);
  return bytes ? parseMetadata(path, bytes, options) : null;
}

/** session_metadata.json's bytes (read from `path`), validated; with keepEncodings each run keeps its bytes. */
export function parseMetadata(path: string, bytes: Buffer, options: LoadOptions = {}): SessionMetadata {
  const metadata = parseJsonBytes(path, bytes, sessionMetadataSchema);
  if (options.keepEncodings) adoptElementEncodings(bytes, 'runs', metadata.runs);
  return metadata;
}

/** With keepEncodings (the default, the Store's way), parsed a run at a time and kept as the bytes read. */
export async function loadContent(path: string, options: LoadOptions = { keepEncodings: true }): Promise<SessionContent | null> {
  const bytes = await readBytes(path);
  if (!bytes) return null;
  return options.keepEncodings ? parseContentPiecewise(path, bytes) : parseJsonBytes(path, bytes, sessionContentSchema);
}

/** The element spans of the array at `span`; none when the value is not an array (e.g. null). */
function arraySpans(bytes: Buffer, span: Span | undefined): Span[] {
  return span && bytes[span.start] === 0x5b ? arrayElements(bytes, span) : [];
}

function adoptElementEncodings(bytes: Buffer, key: string, records: readonly object[]): void {
  adoptSpans(bytes, arraySpans(bytes, objectMembers(bytes, documentSpan(bytes)).get(key)), records);
}

function adoptSpans(bytes: Buffer, spans: Span[], records: readonly object[]): void {
  if (spans.length !== records.length || spans.length === 0) return;
  spans.forEach((span, index) => adoptEncoding(records[index], bytes.subarray(span.start, span.end)));
  adoptJoinedEncoding(records, bytes.subarray(spans[0].start, spans[spans.length - 1].end));
}

const isEmpty = (value: unknown) =>
  value === undefined ||
  value === '' ||
  value === 0 ||
  value === false ||
  (Array.isArray(value) && value.length === 0) ||
  (typeof value === 'object' && value !== null && Object.keys(value).length === 0);

/** The header keys in the order data-format.md lists them, whatever order an object was built in. */
const metadataHeaderKeys = (Object.keys(sessionMetadataSchema.shape) as (keyof SessionMetadata)[]).filter((key) => key !== 'runs');

/** Keys that are always written, even when empty (data-format.md: a key without `?`). */
const alwaysWritten = new Set(['id', 'created_at', 'last_active_at', 'prompt_count']);

/** session_metadata.json as pieces: the header in its listed order, then the cached runs. */
export function metadataPieces(metadata: SessionMetadata): Buffer[] {
  const header: [string, Buffer[] | null][] = metadataHeaderKeys.map((key) => {
    const value = metadata[key];
    return [key, alwaysWritten.has(key) || !isEmpty(value) ? valuePieces(value) : null];
  });
  return objectPieces([...header, ['runs', arrayPieces(metadata.runs)]]);
}

/** session_content.json as pieces: cached runs and turns, so only what is new gets encoded. */
export function contentPieces(content: SessionContent): Buffer[] {
  const models = Object.entries(content.histories).filter(([, turns]) => turns.length > 0);
  return objectPieces([
    ['session_id', content.session_id ? valuePieces(content.session_id) : null],
    ['runs', arrayPieces(content.runs)],
    ['histories', models.length > 0 ? objectPieces(models.map(([model, turns]) => [model, arrayPieces(turns)])) : null],
  ]);
}

export function saveMetadata(path: string, metadata: SessionMetadata): Promise<void> {
  return writeDurably(path, metadataPieces(metadata));
}

export function saveContent(path: string, content: SessionContent): Promise<void> {
  return writeDurably(path, contentPieces(content));
}

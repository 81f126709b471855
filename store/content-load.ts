// session_content.json read one run at a time. The scan parses and validates each run and each model's
// history and keeps only where it is (plain data, so a worker thread can do it: content-load-worker.ts);
// the build makes records that decode those bytes when first read (lazy-run.ts; a history when a run or a
// panel needs it). A big session never exists as one huge parsed tree, and costs about its size on disk.
import { conversationTurnSchema, runContentSchema } from './schemas.js';
import type { ConversationTurn, Histories, SessionContent } from './schemas.js';
import { arrayElements, documentSpan, objectMembers } from './json-spans.js';
import type { Span } from './json-spans.js';
import { DataFileError } from './errors.js';
import { jsonSyntaxReason, UnparsableFileError } from './read-json.js';
import { adoptEncoding, adoptJoinedEncoding } from './json-cache.js';
import { lazyRunContent } from './lazy-run.js';
import type { z } from 'zod';

/** Where everything is in the file, after every piece was validated. */
export interface ContentSkeleton {
  sessionId?: string;
  runs: { prompt: string; promptHash: string; span: Span }[];
  histories: { model: string; turns: Span[] }[];
}

/** Go writes a nil list or map as the literal null. */
const isNull = (bytes: Buffer, span: Span) => span.end - span.start === 4 && bytes.toString('latin1', span.start, span.end) === 'null';

/** The content of `bytes` (read from `path`), validated piece by piece, every record's bytes kept for saving. */
export function parseContentPiecewise(path: string, bytes: Buffer): SessionContent {
  return contentFromSkeleton(bytes, scanContent(path, bytes));
}

/** Validates the whole file a piece at a time; throws an UnparsableFileError naming the file and the field. */
export function scanContent(path: string, bytes: Buffer): ContentSkeleton {
  try {
    const members = objectMembers(bytes, documentSpan(bytes));
    const sessionId = members.get('session_id');
    const runsSpan = members.get('runs');
    const historiesSpan = members.get('histories');
    return {
      sessionId: sessionId ? optionalString(path, bytes, sessionId) : undefined,
      runs: runsSpan && !isNull(bytes, runsSpan) ? scanRuns(path, bytes, runsSpan) : [],
      histories: historiesSpan && !isNull(bytes, historiesSpan) ? scanHistories(path, bytes, historiesSpan) : [],
    };
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new UnparsableFileError(path, jsonSyntaxReason(error));
  }
}

/** The records of a scanned file: nothing is parsed again until something reads it. */
export function contentFromSkeleton(bytes: Buffer, skeleton: ContentSkeleton): SessionContent {
  const runs = skeleton.runs.map(({ prompt, promptHash, span }) => lazyRunContent({ prompt, prompt_hash: promptHash }, bytes.subarray(span.start, span.end)));
  if (runs.length > 0) adoptJoinedEncoding(runs, joined(bytes, skeleton.runs.map((run) => run.span)));
  const histories: Histories = {};
  for (const { model, turns: spans } of skeleton.histories) {
    let turns: ConversationTurn[] | null = null;
    Object.defineProperty(histories, model, { enumerable: true, configurable: true, get: () => (turns ??= decodeTurns(bytes, spans)) });
  }
  return { session_id: skeleton.sessionId, runs, histories };
}

function decode(bytes: Buffer, span: Span): unknown {
  return JSON.parse(bytes.toString('utf8', span.start, span.end));
}

/** The bytes from the first span's start to the last one's end: the elements joined as the file joined them. */
function joined(bytes: Buffer, spans: readonly Span[]): Buffer {
  return bytes.subarray(spans[0].start, spans[spans.length - 1].end);
}

function validated<S extends z.ZodType>(path: string, field: string, schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = [field, ...issue.path.map(String)].join('.');
  throw new UnparsableFileError(path, `field ${where}: ${issue.message}`);
}

function optionalString(path: string, bytes: Buffer, span: Span): string | undefined {
  const value = decode(bytes, span);
  if (value === null) return undefined;
  if (typeof value !== 'string') throw new UnparsableFileError(path, 'field session_id: expected a string');
  return value;
}

function scanRuns(path: string, bytes: Buffer, span: Span): ContentSkeleton['runs'] {
  return arrayElements(bytes, span).map((runSpan, index) => {
    const run = validated(path, `runs.${index}`, runContentSchema, decode(bytes, runSpan));
    return { prompt: run.prompt, promptHash: run.prompt_hash, span: runSpan };
  });
}

function scanHistories(path: string, bytes: Buffer, span: Span): ContentSkeleton['histories'] {
  return [...objectMembers(bytes, span)].map(([model, modelSpan]) => {
    // Go writes a nil history as null: an empty one, as the whole-file schema reads it.
    const turns = isNull(bytes, modelSpan) ? [] : arrayElements(bytes, modelSpan);
    turns.forEach((turnSpan, index) => validated(path, `histories.${model}.${index}`, conversationTurnSchema, decode(bytes, turnSpan)));
    return { model, turns };
  });
}

/** Turns already validated at load, decoded again from their bytes, each keeping those bytes for saving. */
function decodeTurns(bytes: Buffer, spans: Span[]): ConversationTurn[] {
  const turns = spans.map((turnSpan) => {
    const turn = conversationTurnSchema.parse(decode(bytes, turnSpan));
    adoptEncoding(turn, bytes.subarray(turnSpan.start, turnSpan.end));
    return turn;
  });
  if (turns.length > 0) adoptJoinedEncoding(turns, joined(bytes, spans));
  return turns;
}

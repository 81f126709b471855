// session_content.json read one run at a time: each run and each model's history is parsed, validated
// and dropped, kept only as its bytes and decoded again when first read (lazy-run.ts; a history when a
// run or a panel needs it). A big session never exists as one huge parsed tree, its garbage dies young,
// and an open session costs about its size on disk.
import { conversationTurnSchema, runContentSchema } from './schemas.js';
import type { ConversationTurn, Histories, RunContent, SessionContent } from './schemas.js';
import { arrayElements, documentSpan, objectMembers } from './json-spans.js';
import type { Span } from './json-spans.js';
import { DataFileError } from './errors.js';
import { UnparsableFileError } from './read-json.js';
import { adoptEncoding, adoptJoinedEncoding } from './json-cache.js';
import { lazyRunContent } from './lazy-run.js';
import type { z } from 'zod';

/** Go writes a nil list or map as the literal null. */
const isNull = (bytes: Buffer, span: Span) => span.end - span.start === 4 && bytes.toString('latin1', span.start, span.end) === 'null';

/** The content of `bytes` (read from `path`), validated piece by piece, every record's bytes kept for saving. */
export function parseContentPiecewise(path: string, bytes: Buffer): SessionContent {
  try {
    const members = objectMembers(bytes, documentSpan(bytes));
    const sessionId = members.get('session_id');
    const runsSpan = members.get('runs');
    const historiesSpan = members.get('histories');
    return {
      session_id: sessionId ? optionalString(path, bytes, sessionId) : undefined,
      runs: runsSpan && !isNull(bytes, runsSpan) ? parseRuns(path, bytes, runsSpan) : [],
      histories: historiesSpan && !isNull(bytes, historiesSpan) ? parseHistories(path, bytes, historiesSpan) : {},
    };
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new UnparsableFileError(path, `not valid JSON (${(error as Error).message})`);
  }
}

function decode(bytes: Buffer, span: Span): unknown {
  return JSON.parse(bytes.toString('utf8', span.start, span.end));
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

function parseRuns(path: string, bytes: Buffer, span: Span): RunContent[] {
  const spans = arrayElements(bytes, span);
  const runs = spans.map((runSpan, index) => {
    const run = validated(path, `runs.${index}`, runContentSchema, decode(bytes, runSpan));
    return lazyRunContent(run, bytes.subarray(runSpan.start, runSpan.end));
  });
  if (runs.length > 0) adoptJoinedEncoding(runs, bytes.subarray(spans[0].start, spans[spans.length - 1].end));
  return runs;
}

function parseHistories(path: string, bytes: Buffer, span: Span): Histories {
  const histories: Histories = {};
  for (const [model, modelSpan] of objectMembers(bytes, span)) {
    // Go writes a nil history as null: an empty one, as the whole-file schema reads it.
    const spans = isNull(bytes, modelSpan) ? [] : arrayElements(bytes, modelSpan);
    spans.forEach((turnSpan, index) => validated(path, `histories.${model}.${index}`, conversationTurnSchema, decode(bytes, turnSpan)));
    let turns: ConversationTurn[] | null = null;
    Object.defineProperty(histories, model, {
      enumerable: true,
      configurable: true,
      get: () => (turns ??= decodeTurns(bytes, spans)),
    });
  }
  return histories;
}

/** Turns already validated at load, decoded again from their bytes, each keeping those bytes for saving. */
function decodeTurns(bytes: Buffer, spans: Span[]): ConversationTurn[] {
  const turns = spans.map((turnSpan) => {
    const turn = conversationTurnSchema.parse(decode(bytes, turnSpan));
    adoptEncoding(turn, bytes.subarray(turnSpan.start, turnSpan.end));
    return turn;
  });
  if (turns.length > 0) adoptJoinedEncoding(turns, bytes.subarray(spans[0].start, spans[spans.length - 1].end));
  return turns;
}

// `sessions --search`: the sessions whose title, prompts or answers hold a text (any case), each with the
// lines that hold it. Content files are searched as bytes first, and parsed only when they may match.
import { join } from 'node:path';
import type { SessionHeader } from '../session-headers.js';
import { mapWithConcurrency, READ_CONCURRENCY, readSessionHeaders } from '../session-list.js';
import type { SkippedSession } from '../session-list.js';
import { sessionPathsFor } from '../session-paths.js';
import { ByteBudget, fileSize, READ_BUDGET_BYTES } from '../byte-budget.js';
import { parseJsonBytes, readBytes } from '../read-json.js';
import { sessionContentSchema } from '../schemas.js';
import { readTitleQuietly } from './session-title.js';

export interface SearchHit {
  field: 'title' | 'prompt' | 'answer';
  /** 1-based, as `show` numbers runs; absent for the title */
  run?: number;
  /** the model that answered; only for an answer */
  model?: string;
  /** the line that holds the text */
  line: string;
}

/** Where a hit is, as `show` numbers runs: `title`, `#2 prompt`, `#2 demo/alpha`. */
export function hitPlace(hit: SearchHit): string {
  if (hit.field === 'title') return 'title';
  return `#${hit.run} ${hit.field === 'prompt' ? 'prompt' : hit.model}`;
}

export interface SessionMatch {
  session: SessionHeader;
  title: string | null;
  /** the first MAX_HITS of them, in the session's order */
  hits: SearchHit[];
  /** how many more lines hold the text */
  more: number;
}

/** Lines listed per session: a prompt of a million matching lines is one session, not a million lines of output. */
export const MAX_HITS = 20;

/** A hit's line is cut to this many code units around the match: a line can be a whole 100 MB prompt. */
export const MAX_HIT_LINE = 400;

/** The part of `line` a hit shows: all of it, or a window that starts a little before the match, `…` where cut. */
function hitWindow(line: string, at: number): string {
  if (line.length <= MAX_HIT_LINE) return line;
  const start = Math.max(0, Math.min(at - 100, line.length - MAX_HIT_LINE));
  const end = start + MAX_HIT_LINE;
  return `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`;
}

/** Every line of `text` that holds `needle` (already lower case), each cut around the match. */
function matchingLines(text: string, needle: string): string[] {
  const lines: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const at = line.toLowerCase().indexOf(needle);
    if (at >= 0) lines.push(hitWindow(line, at));
  }
  return lines;
}

/** Bytes lowered at a time when looking for a plain query, so a 100 MB file never becomes two 100 MB strings. */
const SCAN_CHUNK = 1024 * 1024;

/** Whether the bytes may hold `needle` (plain ASCII, lower case) in any case. */
function bytesMayHold(bytes: Buffer, needle: string): boolean {
  for (let start = 0; start < bytes.length; start += SCAN_CHUNK) {
    const end = Math.min(bytes.length, start + SCAN_CHUNK + needle.length - 1);
    if (bytes.toString('latin1', start, end).toLowerCase().includes(needle)) return true;
  }
  return false;
}

/**
 * A query the raw bytes can answer: every JSON writer puts it down as it is (no quote, backslash, control or
 * non-ASCII character, and none of < > &, which Go's encoder, so Errata's files, writes as \u003c \u003e \u0026).
 */
const plainAscii = /^[\x20\x21\x23-\x25\x27-\x3b\x3d\x3f-\x5b\x5d-\x7e]+$/;

/** Collects hits up to MAX_HITS and counts the rest. */
class HitList {
  readonly hits: SearchHit[] = [];
  more = 0;

  add(hit: SearchHit): void {
    if (this.hits.length < MAX_HITS) this.hits.push(hit);
    else this.more += 1;
  }
}

/**
 * Adds the session's prompt and answer lines that hold `needle`; the content file is read within `budget`. A content
 * file that cannot be read or does not parse is why (its prompts and answers were not searched), never a silent miss.
 */
async function addContentHits(sessionsDir: string, id: string, needle: string, budget: ByteBudget, list: HitList): Promise<string | null> {
  const path = sessionPathsFor(sessionsDir, id).contentPath;
  const unsearched = (error: unknown) => `${error instanceof Error ? error.message : String(error)}; its prompts and answers were not searched`;
  return budget.hold(await fileSize(path), async () => {
    let bytes: Buffer | null;
    try {
      bytes = await readBytes(path);
    } catch (error) {
      return unsearched(error);
    }
    if (!bytes) return null;
    // bytes that cannot hold the text need not parse: a corrupt file is only found when it may match
    if (plainAscii.test(needle) && !bytesMayHold(bytes, needle)) return null;
    let content;
    try {
      content = parseJsonBytes(path, bytes, sessionContentSchema);
    } catch (error) {
      return unsearched(error);
    }
    content.runs.forEach((run, index) => {
      for (const line of matchingLines(run.prompt, needle)) list.add({ field: 'prompt', run: index + 1, line });
      for (const model of run.models) for (const line of matchingLines(model.text, needle)) list.add({ field: 'answer', run: index + 1, model: model.model_id, line });
    });
    return null;
  });
}

/**
 * Newest first; sessions that cannot be read are in `skipped`, and so is one whose content file cannot be read or
 * does not parse (its title is still searched: a title hit lists it too). The metadata's prompt previews are not
 * searched in its place: cut at 120 bytes, they would miss what the prompt holds past them without a word.
 */
export async function searchSessions(sessionsDir: string, query: string): Promise<{ matches: SessionMatch[]; skipped: SkippedSession[] }> {
  const needle = query.toLowerCase();
  const { sessions, skipped } = await readSessionHeaders(sessionsDir);
  const found = new Map<string, SessionMatch>();
  const contentSkipped: SkippedSession[] = [];
  // content files are the big ones: at most 64 MB of them in memory at once, a bigger one alone
  const budget = new ByteBudget(READ_BUDGET_BYTES);
  await mapWithConcurrency(sessions, READ_CONCURRENCY, async (session) => {
    const title = await readTitleQuietly(join(sessionsDir, session.id));
    const list = new HitList();
    if (title !== null && title.toLowerCase().includes(needle)) list.add({ field: 'title', line: title });
    const unsearched = await addContentHits(sessionsDir, session.id, needle, budget, list);
    if (unsearched !== null) contentSkipped.push({ id: session.id, reason: unsearched });
    if (list.hits.length > 0) found.set(session.id, { session, title, hits: list.hits, more: list.more });
  });
  return { matches: sessions.flatMap((session) => found.get(session.id) ?? []), skipped: [...skipped, ...contentSkipped.sort((a, b) => (a.id < b.id ? -1 : 1))] };
}

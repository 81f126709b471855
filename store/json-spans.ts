// Finds where values sit inside JSON bytes without decoding them, so a loaded file's runs can be
// written back from the bytes read instead of being stringified again, and a big file can be parsed one
// piece at a time. The structure between the pieces is checked strictly; each piece is checked by JSON.parse.
export interface Span {
  start: number;
  end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function skipSpace(buf: Buffer, pos: number): number {
  while (pos < buf.length) {
    const c = buf[pos];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    pos++;
  }
  return pos;
}

/** The index just past the string that starts at `pos` (a quote); long texts are skipped with indexOf. */
function stringEnd(buf: Buffer, pos: number): number {
  let at = pos + 1;
  for (;;) {
    const quote = buf.indexOf(QUOTE, at);
    if (quote < 0) throw new SyntaxError('unterminated string');
    let backslashes = 0;
    while (buf[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    at = quote + 1;
  }
}

/** The index just past the value that starts at `pos`. The input is known to be valid JSON. */
export function valueEnd(buf: Buffer, pos: number): number {
  const c = buf[pos];
  if (c === QUOTE) return stringEnd(buf, pos);
  if (c !== 0x7b && c !== 0x5b) {
    while (pos < buf.length && !isDelimiter(buf[pos])) pos++;
    return pos;
  }
  // The closers still expected, innermost last: a `]` where a `}` is due is malformed, not a match.
  const closers: number[] = [];
  while (pos < buf.length) {
    const b = buf[pos];
    if (b === QUOTE) {
      pos = stringEnd(buf, pos);
      continue;
    }
    if (b === 0x7b) closers.push(0x7d);
    else if (b === 0x5b) closers.push(0x5d);
    else if (b === 0x7d || b === 0x5d) {
      if (closers.pop() !== b) throw new SyntaxError(`mismatched bracket at byte ${pos}`);
      if (closers.length === 0) return pos + 1;
    }
    pos++;
  }
  throw new SyntaxError('unterminated value');
}

function isDelimiter(c: number): boolean {
  return c === COMMA || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** After a value at `pos`: the start of the next one, or the closing bracket; anything else is malformed. */
function nextItem(buf: Buffer, pos: number, close: number): { pos: number; done: boolean } {
  pos = skipSpace(buf, pos);
  if (pos === close) return { pos, done: true };
  if (buf[pos] !== COMMA) throw new SyntaxError(`expected a comma at byte ${pos}`);
  pos = skipSpace(buf, pos + 1);
  if (pos === close) throw new SyntaxError(`unexpected comma before byte ${pos}`);
  return { pos, done: false };
}

/** The spans of the elements of the array at `span` (the first `limit` of them). */
export function arrayElements(buf: Buffer, span: Span, limit = Infinity): Span[] {
  if (buf[span.start] !== 0x5b) throw new SyntaxError(`expected an array at byte ${span.start}`);
  const close = span.end - 1;
  const elements: Span[] = [];
  let pos = skipSpace(buf, span.start + 1);
  while (pos !== close && elements.length < limit) {
    const end = valueEnd(buf, pos);
    elements.push({ start: pos, end });
    const next = nextItem(buf, end, close);
    if (next.done) break;
    pos = next.pos;
  }
  return elements;
}

/** The spans of the member values of the object at `span`, by key (the last duplicate wins, as in JSON.parse). */
export function objectMembers(buf: Buffer, span: Span): Map<string, Span> {
  if (buf[span.start] !== 0x7b) throw new SyntaxError(`expected an object at byte ${span.start}`);
  const close = span.end - 1;
  const members = new Map<string, Span>();
  let pos = skipSpace(buf, span.start + 1);
  while (pos !== close) {
    if (buf[pos] !== QUOTE) throw new SyntaxError(`expected a key at byte ${pos}`);
    const keyEnd = stringEnd(buf, pos);
    const key = JSON.parse(buf.toString('utf8', pos, keyEnd)) as string;
    pos = skipSpace(buf, keyEnd);
    if (buf[pos] !== COLON) throw new SyntaxError('expected a colon');
    pos = skipSpace(buf, pos + 1);
    const end = valueEnd(buf, pos);
    members.set(key, { start: pos, end });
    const next = nextItem(buf, end, close);
    if (next.done) break;
    pos = next.pos;
  }
  return members;
}

/** The span of the whole document's value. */
export function documentSpan(buf: Buffer): Span {
  const start = skipSpace(buf, buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0);
  if (start >= buf.length) throw new SyntaxError('empty document');
  const end = valueEnd(buf, start);
  if (skipSpace(buf, end) !== buf.length) throw new SyntaxError(`unexpected data after the document at byte ${end}`);
  return { start, end };
}

// Each persisted record is encoded to JSON bytes once and reused on every later save, so saving a
// big session costs the new records only. Records are immutable once encoded: change by replacing.
const encodings = new WeakMap<object, Buffer>();

/**
 * A run of leading elements already joined (`e0,e1,…`) as a few big pieces, keyed by the first
 * element, so an array rebuilt by appending (arrays are never mutated) still finds its old prefix.
 */
interface Prefix {
  elements: readonly object[];
  pieces: Buffer[];
}
const prefixes = new WeakMap<object, Prefix>();

/** Appended elements are folded into the prefix this many at a time, so a save stays a few dozen pieces. */
const FOLD_AFTER = 64;

/** The JSON bytes of `record`, encoded on first use. */
export function encodeOnce(record: object): Buffer {
  let bytes = encodings.get(record);
  if (!bytes) {
    bytes = Buffer.from(JSON.stringify(record), 'utf8');
    encodings.set(record, bytes);
  }
  return bytes;
}

/** Remembers the bytes a record was read from, so a loaded record is never encoded again. */
export function adoptEncoding(record: object, bytes: Buffer): void {
  encodings.set(record, bytes);
}

/** Remembers that `records` joined by commas are exactly `joined` (a loaded array's inside, as read). */
export function adoptJoinedEncoding(records: readonly object[], joined: Buffer): void {
  if (records.length > 0) prefixes.set(records[0], { elements: [...records], pieces: [joined] });
}

const comma = Buffer.from(',');
const openBracket = Buffer.from('[');
const closeBracket = Buffer.from(']');

/** The cached prefix of `records`, if every one of its elements is still there (identity checks are cheap). */
function knownPrefix(records: readonly object[]): Prefix | null {
  const prefix = records.length > 0 ? prefixes.get(records[0]) : undefined;
  if (!prefix || prefix.elements.length > records.length) return null;
  for (let index = 0; index < prefix.elements.length; index++) if (prefix.elements[index] !== records[index]) return null;
  return prefix;
}

/** `[a,b,…]` as pieces for a vectored write: the known prefix, then the newer records one by one. */
export function arrayPieces(records: readonly object[]): Buffer[] {
  const prefix = knownPrefix(records);
  const start = prefix?.elements.length ?? 0;
  const tail: Buffer[] = [];
  for (let index = start; index < records.length; index++) {
    if (index > 0) tail.push(comma);
    tail.push(encodeOnce(records[index]));
  }
  let head = prefix?.pieces ?? [];
  if (records.length - start >= FOLD_AFTER) {
    head = [...head, Buffer.concat(tail)];
    prefixes.set(records[0], { elements: [...records], pieces: head });
    tail.length = 0;
  }
  return [openBracket, ...head, ...tail, closeBracket];
}

/** `{"k":v,…}` as pieces, where each value is itself given as pieces; entries with no pieces are left out. */
export function objectPieces(members: readonly [string, readonly Buffer[] | null][]): Buffer[] {
  const pieces: Buffer[] = [];
  for (const [key, value] of members) {
    if (!value) continue;
    pieces.push(Buffer.from((pieces.length === 0 ? '{' : ',') + JSON.stringify(key) + ':', 'utf8'), ...value);
  }
  if (pieces.length === 0) return [Buffer.from('{}')];
  pieces.push(Buffer.from('}'));
  return pieces;
}

/** A plain value as a single piece. */
export function valuePieces(value: unknown): Buffer[] {
  return [Buffer.from(JSON.stringify(value), 'utf8')];
}

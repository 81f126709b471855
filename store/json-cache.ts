// Each persisted record is encoded to JSON bytes once and reused on every later save, so saving a
// big session costs the new records only. Records are immutable once encoded: change by replacing.
const encodings = new WeakMap<object, Buffer>();

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

const comma = Buffer.from(',');
const openBracket = Buffer.from('[');
const closeBracket = Buffer.from(']');

/** `[a,b,…]` as pieces for a vectored write. */
export function arrayPieces(records: readonly object[]): Buffer[] {
  const pieces: Buffer[] = [openBracket];
  records.forEach((record, index) => {
    if (index > 0) pieces.push(comma);
    pieces.push(encodeOnce(record));
  });
  pieces.push(closeBracket);
  return pieces;
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

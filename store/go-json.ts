// JSON as Go's encoding/json writes it: like JSON.stringify, but with <, >, &, U+2028 and U+2029
// escaped. Those characters can only appear inside JSON strings, so escaping the output is exact.
const goEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function escapeLikeGo(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => goEscapes[ch]);
}

/** Go-compatible JSON text; `indent` as in JSON.stringify (recipes.json uses 2). */
export function stringifyLikeGo(value: unknown, indent?: number): string {
  return escapeLikeGo(JSON.stringify(value, null, indent));
}

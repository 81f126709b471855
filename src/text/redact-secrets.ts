// Secrets out of text that is stored or shown: error messages and bodies, endpoints. What looks like a key
// becomes `[redacted]`, and so does the exact value of every key bakeoff was configured with (a key need not
// look like one); the rest of the text is kept so the error still says what went wrong.

const redacted = '[redacted]';

/** Shorter values are left alone: they would redact ordinary words. */
export const shortestRedactedValue = 8;

const rules: { pattern: RegExp; replace: string }[] = [
  // `Authorization: Bearer x`, `"x-api-key": "x"`, `api_key=x` in headers, JSON or query strings
  {
    pattern: /((?:authorization|proxy-authorization|x-api-key|api[-_]?key|x-goog-api-key)["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;&}]+/gi,
    replace: `$1${redacted}`,
  },
  { pattern: /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, replace: `$1 ${redacted}` },
  // OpenAI/Anthropic/OpenRouter-shaped keys (`sk-…`, `sk-ant-…`, `sk-or-…`) and similar prefixed tokens
  { pattern: /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}/g, replace: redacted },
  // user info in a URL, scheme://user:password@host: up to the last `@` before the path (a password may hold a
  // raw `@`), never past `?`, `#` or `\`, which end the authority (`https://evil?@api.openai.com` goes to evil).
  // A scheme is short: an unbounded one made a dotted word (`a.a.a.…`) quadratic.
  { pattern: /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#\\]*@/gi, replace: `$1${redacted}@` },
];

/** The configured key values, longest first (so a key that contains another is redacted whole). */
let exactValues: string[] = [];

/** From now on, `redactSecrets` also replaces each of these values wherever it appears (short or missing ones are skipped). */
export function redactExactValues(values: Iterable<string | undefined>): void {
  const kept = new Set(exactValues);
  for (const value of values) if (value !== undefined && value.length >= shortestRedactedValue) kept.add(value);
  exactValues = [...kept].sort((a, b) => b.length - a.length);
}

/** `text` with every configured key and every key-shaped secret replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const value of exactValues) if (out.includes(value)) out = out.split(value).join(redacted);
  for (const { pattern, replace } of rules) out = out.replace(pattern, replace);
  return out;
}

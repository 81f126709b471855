// Secrets out of text that is stored or shown: error messages and bodies, endpoints. What looks like a key
// becomes `[redacted]`; the rest of the text is kept so the error still says what went wrong.

const redacted = '[redacted]';

const rules: { pattern: RegExp; replace: string }[] = [
  // `Authorization: Bearer x`, `"x-api-key": "x"`, `api_key=x` in headers, JSON or query strings
  {
    pattern: /((?:authorization|proxy-authorization|x-api-key|api[-_]?key|x-goog-api-key)["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;&}]+/gi,
    replace: `$1${redacted}`,
  },
  { pattern: /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, replace: `$1 ${redacted}` },
  // OpenAI/Anthropic/OpenRouter-shaped keys (`sk-…`, `sk-ant-…`, `sk-or-…`) and similar prefixed tokens
  { pattern: /\b(?:sk|pk|rk)-[A-Za-z0-9_-]{8,}/g, replace: redacted },
  // user info in a URL: scheme://user:password@host
  { pattern: /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@:]*(?::[^\s/@]*)?@/gi, replace: `$1${redacted}@` },
];

/** `text` with every key-shaped secret replaced by `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const { pattern, replace } of rules) out = out.replace(pattern, replace);
  return out;
}

// The rules of src/text/redact-secrets.ts on their own: the configured key values (whatever their shape) and a
// URL's user info up to the last `@` before the host, on hostile input in linear time.
import { describe, expect, it } from 'vitest';
import { redactExactValues, redactSecrets } from '../../src/text/redact-secrets.js';

describe('configured key values', () => {
  it('are redacted wherever they appear, the longest first; short and missing values are left alone', () => {
    redactExactValues(['gsk_live1234567890abcdefXYZ', 'gsk_live1234567890', 'short', undefined]);
    expect(redactSecrets('Incorrect API key provided: gsk_live1234567890abcdefXYZ (and gsk_live1234567890 again)')).toBe('Incorrect API key provided: [redacted] (and [redacted] again)');
    expect(redactSecrets('a short answer')).toBe('a short answer');
  });
});

describe("a URL's user info", () => {
  it.each([
    ['http://usr:p@ssSECRET@127.0.0.1:8080/v1 failed', 'http://[redacted]@127.0.0.1:8080/v1 failed'],
    ['connect to https://bob:hunter2@api.example.com then retry', 'connect to https://[redacted]@api.example.com then retry'],
    ['http://a@b@c@host', 'http://[redacted]@host'],
    // the host ends at the first `/`: an `@` in the path is not user info
    ['http://host/v1/users/me@example.com', 'http://host/v1/users/me@example.com'],
    ['http://127.0.0.1:11434/v1 and mail ops@example.com', 'http://127.0.0.1:11434/v1 and mail ops@example.com'],
    // `?`, `#` and `\` end the host a URL goes to: the real host stays in view, not the one after the `@`
    ['https://evil.example?@api.openai.com/v1', 'https://evil.example?@api.openai.com/v1'],
    ['https://evil.example#@api.openai.com/v1', 'https://evil.example#@api.openai.com/v1'],
    ['https://evil.example\\@api.openai.com/v1', 'https://evil.example\\@api.openai.com/v1'],
  ])('%s', (text, expected) => {
    expect(redactSecrets(text)).toBe(expected);
  });

  it('takes linear time on a megabyte of hostile text', () => {
    for (const hostile of ['a://'.repeat(250_000), `http://${'x'.repeat(1_000_000)}`, `http://${'x:'.repeat(500_000)}`, 'a.'.repeat(500_000)]) {
      const started = performance.now();
      redactSecrets(hostile);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

// A listing's view of session_metadata.json: its header, every text field cut as it is read (escapes and
// characters never cut in half), its runs not parsed, and a file that is not a session header refused.
import { describe, expect, it } from 'vitest';
import { LISTED_MODELS, LISTED_TEXT_CHARS, boundedString, parseSessionHeader } from '../../store/session-headers.js';
import { UnparsableFileError } from '../../store/read-json.js';

const header = { id: 'ses_x', created_at: '2026-01-01T00:00:00Z', last_active_at: '2026-01-02T00:00:00Z', prompt_count: 2 };
const parse = (value: object) => parseSessionHeader('meta.json', Buffer.from(JSON.stringify(value)));

describe('parseSessionHeader', () => {
  it('reads the header as JSON.parse does, runs left out, nulls as missing', () => {
    const read = parse({ ...header, models: ['a', 'b'], first_prompt: 'hi\n"there"', last_prompt: null, runs: [{ anything: 1 }] });
    expect(read).toEqual({ ...header, models: ['a', 'b'], first_prompt: 'hi\n"there"' });
  });

  it('cuts a long text field with an ellipsis, and keeps at most LISTED_MODELS model ids', () => {
    const read = parse({ ...header, first_prompt: 'p'.repeat(5 * LISTED_TEXT_CHARS), models: Array.from({ length: 500 }, (_, i) => `m${i}`.padEnd(2000, 'x')) });
    expect(read.first_prompt).toBe(`${'p'.repeat(LISTED_TEXT_CHARS)}…`);
    expect(read.models).toHaveLength(LISTED_MODELS);
    expect(read.models?.[0]).toBe(`m0${'x'.repeat(LISTED_TEXT_CHARS - 2)}…`);
  });

  it('never cuts inside an escape, a UTF-8 character or a surrogate pair', () => {
    for (const unit of ['\\n', '\\u00e9', 'é', '日', '😀', '\\ud83d\\ude00', '\\\\']) {
      for (let pad = 0; pad < 6; pad++) {
        const json = `"${'a'.repeat(pad)}${unit.repeat(3000)}"`;
        const bytes = Buffer.from(json);
        const cut = boundedString(bytes, { start: 0, end: bytes.length }, 100);
        const whole = JSON.parse(json) as string;
        expect(cut.endsWith('…')).toBe(true);
        expect(whole.startsWith(cut.slice(0, -1))).toBe(true);
        const last = cut.charCodeAt(cut.length - 2);
        expect(last >= 0xd800 && last <= 0xdbff).toBe(false);
      }
    }
  });

  it('refuses a file that is not a session header, naming it', () => {
    expect(() => parseSessionHeader('meta.json', Buffer.from('{"id": "ses_x", "created_at": '))).toThrow(UnparsableFileError);
    expect(() => parse({ ...header, created_at: 'yesterday' })).toThrow(/meta\.json/);
    const longNumber = JSON.stringify(header).replace('"prompt_count":2', `"prompt_count":${'1'.padEnd(2000, '0')}`);
    expect(() => parseSessionHeader('meta.json', Buffer.from(longNumber))).toThrow(UnparsableFileError);
    expect(() => parse({ ...header, models: 'one' })).toThrow(UnparsableFileError);
  });
});

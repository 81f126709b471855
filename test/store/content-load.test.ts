import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseContentPiecewise } from '../../store/content-load.js';
import { parseJsonBytes } from '../../store/read-json.js';
import { sessionContentSchema } from '../../store/schemas.js';
import { contentPieces } from '../../store/session-files.js';

const text = fc.string({ maxLength: 8 });
const turn = fc.record({ role: fc.constantFrom('user', 'assistant'), content: text });
const run = fc.record({
  prompt: text,
  prompt_hash: text,
  models: fc.array(fc.record({ model_id: text, text, events: fc.array(fc.record({ type: text, data: text }), { maxLength: 2 }), stop_reason: fc.option(text, { nil: undefined }) }), { maxLength: 2 }),
});
const content = fc.record({
  session_id: fc.option(text, { nil: undefined }),
  runs: fc.oneof(fc.array(run, { maxLength: 4 }), fc.constant(null)),
  histories: fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.array(turn, { maxLength: 3 }), fc.constant(null)), { maxKeys: 3 }), fc.constant(null)),
});

/** What a reader gets: the value (lazy runs decoded) or the fact that it failed. */
function outcome(read: () => unknown): string {
  try {
    return JSON.stringify(read());
  } catch {
    return 'error';
  }
}

describe('reading session_content.json a run at a time', () => {
  it('gives exactly what parsing the whole file gives, for any content however it is formatted', () => {
    fc.assert(
      fc.property(content, fc.constantFrom(undefined, 1), (value, indent) => {
        const bytes = Buffer.from(JSON.stringify(value, null, indent));
        expect(outcome(() => parseContentPiecewise('c.json', bytes))).toBe(outcome(() => parseJsonBytes('c.json', bytes, sessionContentSchema)));
      }),
      { numRuns: 300 },
    );
  });

  it('fails exactly when parsing the whole file fails, whatever byte is lost or added', () => {
    fc.assert(
      fc.property(content, fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '{', ' '), (value, at, insert) => {
        const good = JSON.stringify(value);
        const cut = at % (good.length + 1);
        const bytes = Buffer.from(good.slice(0, cut) + insert + good.slice(cut + 1));
        const piecewise = outcome(() => parseContentPiecewise('c.json', bytes));
        const whole = outcome(() => parseJsonBytes('c.json', bytes, sessionContentSchema));
        expect(piecewise === 'error').toBe(whole === 'error');
        if (whole !== 'error') expect(piecewise).toBe(whole);
      }),
      { numRuns: 1000 },
    );
  });

  it('saves back the bytes it read, untouched', () => {
    fc.assert(
      fc.property(content, (value) => {
        const bytes = Buffer.from(JSON.stringify(value));
        const read = parseContentPiecewise('c.json', bytes);
        const saved = parseJsonBytes('c.json', Buffer.concat(contentPieces(read)), sessionContentSchema);
        const withoutEmpty = (c: typeof saved) => ({
          ...c,
          session_id: c.session_id || undefined,
          histories: Object.fromEntries(Object.entries(c.histories).filter(([, turns]) => turns.length > 0)),
        });
        expect(JSON.parse(JSON.stringify(saved))).toEqual(JSON.parse(JSON.stringify(withoutEmpty(read))));
      }),
      { numRuns: 200 },
    );
  });

  it('names the file and the field of a run with a wrong shape', () => {
    const bytes = Buffer.from(JSON.stringify({ runs: [{ prompt: 'p', prompt_hash: 'h', models: [] }, { prompt: 1, prompt_hash: 'h' }] }));
    expect(() => parseContentPiecewise('/d/session_content.json', bytes)).toThrow('/d/session_content.json: field runs.1.prompt');
  });
});

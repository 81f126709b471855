// Any sequence of edits on the editor equals the same edits on a plain reference model: the text as an
// array of graphemes (segmented whole, every time), the cursor as a grapheme index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editorReducer, initialEditor, type EditAction } from '../../src/editor/editor-reducer.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const split = (text: string) => Array.from(segmenter.segment(text), (s) => s.segment);

interface Model {
  chars: string[];
  cursor: number;
  killed: string;
  undo: { chars: string[]; cursor: number }[];
  last: string | null;
}

const isWord = (g: string | undefined) => g !== undefined && /^[\p{L}\p{N}\p{M}]/u.test(g);
const isSpace = (g: string | undefined) => g !== undefined && /^\s/u.test(g);

function lineStartOf(m: Model): number {
  let i = m.cursor;
  while (i > 0 && m.chars[i - 1] !== '\n') i--;
  return i;
}
function lineEndOf(m: Model): number {
  let i = m.cursor;
  while (i < m.chars.length && m.chars[i] !== '\n') i++;
  return i;
}

function change(m: Model, chars: string[], cursor: number, type: string, paste = false, killed = m.killed): Model {
  if (chars.join('') === m.chars.join('')) return { ...m, cursor, last: type, killed };
  const group = type === 'insert' && !paste && m.last === 'insert';
  const undo = group ? m.undo : [...m.undo, { chars: m.chars, cursor: m.cursor }].slice(-200);
  return { chars, cursor, killed, undo, last: type };
}

function kill(m: Model, from: number, to: number, type: string, backward: boolean): Model {
  if (from >= to) return { ...m, last: type };
  const cut = m.chars.slice(from, to).join('');
  const killed = m.last?.startsWith('kill-') ? (backward ? cut + m.killed : m.killed + cut) : cut;
  return change(m, [...m.chars.slice(0, from), ...m.chars.slice(to)], from, type, false, killed);
}

function apply(m: Model, action: EditAction): Model {
  const { chars, cursor } = m;
  const moveTo = (at: number): Model => ({ ...m, cursor: at, last: action.type });
  let at = cursor;
  switch (action.type) {
    case 'insert': {
      if (!action.text) return m;
      const joined = split(chars.slice(0, cursor).join('') + action.text + chars.slice(cursor).join(''));
      // the cursor sits after the inserted text: count the graphemes of what comes before it
      const before = split(chars.slice(0, cursor).join('') + action.text).length;
      return change(m, joined, Math.min(before, joined.length), 'insert', action.paste);
    }
    case 'backspace':
      return cursor === 0 ? { ...m, last: action.type } : change(m, [...chars.slice(0, cursor - 1), ...chars.slice(cursor)], cursor - 1, action.type);
    case 'delete':
      return cursor === chars.length ? { ...m, last: action.type } : change(m, [...chars.slice(0, cursor), ...chars.slice(cursor + 1)], cursor, action.type);
    case 'left':
      return moveTo(Math.max(0, cursor - 1));
    case 'right':
      return moveTo(Math.min(chars.length, cursor + 1));
    case 'line-start':
      return moveTo(lineStartOf(m));
    case 'line-end':
      return moveTo(lineEndOf(m));
    case 'word-left':
    case 'kill-word-back':
      while (at > 0 && !isWord(chars[at - 1])) at--;
      while (at > 0 && isWord(chars[at - 1])) at--;
      return action.type === 'word-left' ? moveTo(at) : kill(m, at, cursor, action.type, true);
    case 'word-right':
    case 'kill-word-forward':
      while (at < chars.length && !isWord(chars[at])) at++;
      while (at < chars.length && isWord(chars[at])) at++;
      return action.type === 'word-right' ? moveTo(at) : kill(m, cursor, at, action.type, false);
    case 'kill-space-word-back':
      while (at > 0 && isSpace(chars[at - 1])) at--;
      while (at > 0 && !isSpace(chars[at - 1])) at--;
      return kill(m, at, cursor, action.type, true);
    case 'kill-to-start': {
      const start = lineStartOf(m);
      return kill(m, start === cursor ? Math.max(0, start - 1) : start, cursor, action.type, true);
    }
    case 'kill-to-end': {
      const end = lineEndOf(m);
      return kill(m, cursor, end === cursor ? Math.min(chars.length, end + 1) : end, action.type, false);
    }
    case 'yank': {
      if (!m.killed) return m;
      const before = chars.slice(0, cursor).join('') + m.killed;
      return change(m, split(before + chars.slice(cursor).join('')), split(before).length, 'yank');
    }
    case 'undo': {
      const previous = m.undo.at(-1);
      return previous ? { ...m, chars: previous.chars, cursor: previous.cursor, undo: m.undo.slice(0, -1), last: 'undo' } : { ...m, last: 'undo' };
    }
    default:
      return m;
  }
}

// Pieces that stay whole graphemes whatever they are inserted next to (no lone combining marks or ZWJs).
const piece = fc.constantFrom('a', 'b', 'Z', '1', ' ', '\n', '.', '_', 'é', 'ß', '中', '👍', '👨‍👩‍👧', '🇫🇷', 'one two', '\t');
const action: fc.Arbitrary<EditAction> = fc.oneof(
  fc.record({ type: fc.constant('insert' as const), text: fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join('')), paste: fc.boolean() }),
  fc.constantFrom<EditAction>(
    { type: 'backspace' },
    { type: 'delete' },
    { type: 'left' },
    { type: 'right' },
    { type: 'word-left' },
    { type: 'word-right' },
    { type: 'line-start' },
    { type: 'line-end' },
    { type: 'kill-to-start' },
    { type: 'kill-to-end' },
    { type: 'kill-word-back' },
    { type: 'kill-word-forward' },
    { type: 'kill-space-word-back' },
    { type: 'yank' },
    { type: 'undo' },
  ),
);

describe('the editor against a reference string model', () => {
  it('any sequence of edits gives the same text, cursor and kill buffer', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 60 }), (actions) => {
        let state = initialEditor;
        let model: Model = { chars: [], cursor: 0, killed: '', undo: [], last: null };
        for (const a of actions) {
          state = editorReducer(state, a);
          model = apply(model, a);
          expect(state.text).toBe(model.chars.join(''));
          expect(state.text.slice(0, state.cursor)).toBe(model.chars.slice(0, model.cursor).join(''));
          expect(state.killed).toBe(model.killed);
        }
      }),
      { numRuns: 500 },
    );
  });
});

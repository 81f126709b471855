// Each readline key on the prompt line: the bytes a terminal sends, through the key reader, the keymap
// and the reducer.
import { describe, expect, it } from 'vitest';
import { editorReducer, editorWith, type EditorState } from '../../src/editor/editor-reducer.js';
import { createKeyReader } from '../../src/editor/key-reader.js';
import { editActionFor } from '../../src/editor/keymap.js';

/** `|` marks the cursor. */
function state(marked: string): EditorState {
  const cursor = marked.indexOf('|');
  return { ...editorWith(marked.replace('|', '')), cursor };
}
const show = (s: EditorState) => s.text.slice(0, s.cursor) + '|' + s.text.slice(s.cursor);

/** Pieces as Ink hands them over: each escape sequence alone, text runs whole. */
function press(start: EditorState, ...pieces: string[]): EditorState {
  const reader = createKeyReader();
  let s = start;
  for (const piece of pieces) {
    for (const key of reader.push(piece)) {
      const action = editActionFor(key);
      if (action) s = editorReducer(s, action);
    }
  }
  return s;
}

const cases: [string, string, string[], string][] = [
  ['Ctrl-A to the line start', 'ab|cd', ['\x01'], '|abcd'],
  ['Home to the line start', 'ab|cd', ['\x1b[H'], '|abcd'],
  ['Home (vt) to the line start', 'ab|cd', ['\x1b[1~'], '|abcd'],
  ['Ctrl-E to the line end', 'ab|cd', ['\x05'], 'abcd|'],
  ['End to the line end', 'ab|cd', ['\x1b[F'], 'abcd|'],
  ['End (SS3) to the line end', 'ab|cd', ['\x1bOF'], 'abcd|'],
  ['Ctrl-B back one', 'ab|cd', ['\x02'], 'a|bcd'],
  ['Left back one', 'ab|cd', ['\x1b[D'], 'a|bcd'],
  ['Ctrl-F forward one', 'ab|cd', ['\x06'], 'abc|d'],
  ['Right forward one', 'ab|cd', ['\x1b[C'], 'abc|d'],
  ['Alt-B back a word', 'one two|', ['\x1bb'], 'one |two'],
  ['Ctrl-Left back a word', 'one two|', ['\x1b[1;5D'], 'one |two'],
  ['Alt-F forward a word', '|one two', ['\x1bf'], 'one| two'],
  ['Ctrl-Right forward a word', 'one| two', ['\x1b[1;5C'], 'one two|'],
  ['Backspace deletes back', 'ab|cd', ['\x7f'], 'a|cd'],
  ['Ctrl-H deletes back', 'ab|cd', ['\x08'], 'a|cd'],
  ['Delete deletes forward', 'ab|cd', ['\x1b[3~'], 'ab|d'],
  ['Ctrl-D deletes forward', 'ab|cd', ['\x04'], 'ab|d'],
  ['Ctrl-D on an empty line does nothing', '|', ['\x04'], '|'],
  ['Ctrl-W kills back to whitespace', 'say foo.bar|', ['\x17'], 'say |'],
  ['Alt-Backspace kills back a word', 'say foo.bar|', ['\x1b\x7f'], 'say foo.|'],
  ['Alt-D kills a word forward', 'say| foo bar', ['\x1bd'], 'say| bar'],
  ['Ctrl-U kills to the start', 'write a.txt: first| version', ['\x15'], '| version'],
  ['Ctrl-K kills to the end', 'keep| this', ['\x0b'], 'keep|'],
  ['Ctrl-Y yanks the last kill', 'keep| this', ['\x0b', '\x01', '\x19'], ' this|keep'],
  ['Ctrl-_ undoes', 'keep| this', ['\x0b', '\x1f'], 'keep| this'],
  ['Ctrl-J inserts a newline', 'a|b', ['\x0a'], 'a\n|b'],
  ['Ctrl-L inserts nothing (the app redraws)', 'a|b', ['\x0c'], 'a|b'],
  ['Tab inserts nothing', 'a|b', ['\t'], 'a|b'],
  ['an unknown control key inserts nothing', 'a|b', ['\x07', '\x0e', '\x1b[15~'], 'a|b'],
];

describe('readline keys on the prompt line', () => {
  it.each(cases)('%s', (_name, before, pieces, after) => {
    expect(show(press(state(before), ...pieces))).toBe(after);
  });

  it('a burst is every key of it: three Backspaces, then text', () => {
    expect(show(press(state('hello|'), '\x7f\x7f\x7fabX'))).toBe('heabX|');
    const backspaces = '\x7f'.repeat(36);
    expect(show(press(state('abcdefghijklmnop|'), backspaces))).toBe('|');
    expect(show(press(state('hello|'), '\x1b[D', '\x1b[D', '\x1b[D', 'XY'))).toBe('heXY|llo');
  });

  it('Ctrl-U on the prompt from the report clears it instead of inserting u', () => {
    const s = press(state('write a.txt: first version|'), '\x15', '/history');
    expect(s.text).toBe('/history');
  });

  it('Up and Down move between lines, keeping the column', () => {
    expect(show(press(state('abc\nd\nefg|'), '\x1b[A', '\x1b[A'))).toBe('abc|\nd\nefg');
    expect(show(press(state('abc\nd\nefg|'), '\x1b[A'))).toBe('abc\nd|\nefg');
  });

  it('moves over a ZWJ family and a flag as one character', () => {
    const family = '👨‍👩‍👧';
    expect(show(press(state(`a${family}|b`), '\x7f'))).toBe('a|b');
    expect(show(press(state(`a|${family}🇫🇷`), '\x1b[C'))).toBe(`a${family}|🇫🇷`);
    expect(show(press(state(`a|${family}🇫🇷`), '\x1b[3~', '\x1b[3~'))).toBe('a|');
  });

  it('consecutive kills add up for one yank', () => {
    const s = press(state('one two three|'), '\x17', '\x17', '\x19');
    expect(s.killed).toBe('two three');
    expect(show(s)).toBe('one two three|');
  });

  it('typing in a row is one undo step', () => {
    expect(show(press(state('x|'), 'a', 'b', 'c', '\x1f'))).toBe('x|');
  });
});

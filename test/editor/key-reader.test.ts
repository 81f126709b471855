import { describe, expect, it } from 'vitest';
import { createKeyReader, cleanPastedText } from '../../src/editor/key-reader.js';

const names = (pieces: string[]) => {
  const reader = createKeyReader();
  return pieces.flatMap((p) => reader.push(p)).map((k) => (k.name === 'text' ? `text:${k.text}${k.paste ? ':paste' : ''}` : `${k.ctrl ? 'C-' : ''}${k.meta ? 'M-' : ''}${k.shift ? 'S-' : ''}${k.name === 'chord' ? k.text : k.name}`));
};

describe('the key reader', () => {
  it('splits a run into its keys, Enter last', () => {
    expect(names(['ab\x7f\r'])).toEqual(['text:a', 'text:b', 'backspace', 'return']);
  });

  it('reads modified arrows, Home/End, PgUp/PgDn, Shift-Tab and Alt keys', () => {
    expect(names(['\x1b[1;5D', '\x1b[1;3C', '\x1b[5~', '\x1b[6~', '\x1b[Z', '\x1bB', '\x1b\r', '\x1b'])).toEqual([
      'C-left',
      'M-right',
      'pageup',
      'pagedown',
      'S-tab',
      'M-S-b',
      'M-return',
      'escape',
    ]);
  });

  it('collects a bracketed paste over many reads into one text, newlines kept', () => {
    const text = 'x'.repeat(4095) + '\r\n' + 'y'.repeat(5000);
    const pieces = ['\x1b[200~', text.slice(0, 4000), text.slice(4000, 9000), text.slice(9000), '\x1b[201~'];
    expect(names(pieces)).toEqual([`text:${'x'.repeat(4095)}\n${'y'.repeat(5000)}:paste`]);
  });

  it('keeps escape sequences inside a paste out of the text', () => {
    expect(names(['\x1b[200~', 'red ', '\x1b[31m', 'text\x07', '\x1b[201~', 'a'])).toEqual(['text:red text:paste', 'text:a']);
  });

  it('a return followed by text in one read is a paste, never an Enter; Ctrl-J is a key', () => {
    expect(names(['one\rtwo\r'])).toEqual(['text:one\ntwo\n:paste']);
    expect(names(['\r\r'])).toEqual(['return', 'return']);
    expect(names(['a\nb\r'])).toEqual(['text:a', 'C-j', 'text:b', 'return']);
  });

  it('drops control characters from pasted text but tabs and newlines', () => {
    expect(cleanPastedText('a\tb\x00c\r\nd\x1b]0;title\x07e')).toBe('a\tbc\nde');
  });
});

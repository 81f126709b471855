// Control characters and bidi overrides from outside are shown, never obeyed: the table of what becomes what.
import { describe, expect, it } from 'vitest';
import { visibleJson, visibleLine, visibleText } from '../../src/text/visible-text.js';

const table: [string, string, string, string][] = [
  // name, input, as one line, as a block
  ['plain text', 'hello, wörld 日本', 'hello, wörld 日本', 'hello, wörld 日本'],
  ['OSC 2 sets the title', '\x1b]2;pwned\x07', '␛]2;pwned␇', '␛]2;pwned␇'],
  ['OSC 52 writes the clipboard', '\x1b]52;c;cHduZWQ=\x07', '␛]52;c;cHduZWQ=␇', '␛]52;c;cHduZWQ=␇'],
  ['SGR 8 conceals what follows', '\x1b[8m.git/config', '␛[8m.git/config', '␛[8m.git/config'],
  ['a clear screen', '\x1b[2J\x1b[H', '␛[2J␛[H', '␛[2J␛[H'],
  ['C1 CSI', '\u009b2J', '\\x9b2J', '\\x9b2J'],
  ['C1 OSC and ST', '\u009d0;t\u009c', '\\x9d0;t\\x9c', '\\x9d0;t\\x9c'],
  ['DEL and NUL', 'a\x7fb\x00c', 'a␡b␀c', 'a␡b␀c'],
  ['backspace over text', 'safe\b\b\b\bEVIL', 'safe␈␈␈␈EVIL', 'safe␈␈␈␈EVIL'],
  ['a bare carriage return', 'shown\rhidden', 'shown␍hidden', 'shown␍hidden'],
  ['CR LF', 'one\r\ntwo', 'one␍␊two', 'one\ntwo'],
  ['newline and tab', 'a\tb\nc', 'a␉b␊c', 'a\tb\nc'],
  ['bidi override', 'txt.\u202Eexe.sh', 'txt.<U+202E>exe.sh', 'txt.<U+202E>exe.sh'],
  ['bidi isolates', '\u2066a\u2069\u2067b\u2068', '<U+2066>a<U+2069><U+2067>b<U+2068>', '<U+2066>a<U+2069><U+2067>b<U+2068>'],
  ['bidi embeddings and marks', '\u202Aa\u202B\u202C\u202D\u200F\u061C', '<U+202A>a<U+202B><U+202C><U+202D><U+200F><U+061C>', '<U+202A>a<U+202B><U+202C><U+202D><U+200F><U+061C>'],
  ['line separators', 'a\u2028b\u2029', 'a<U+2028>b<U+2029>', 'a<U+2028>b<U+2029>'],
];

describe('visible text', () => {
  it.each(table)('%s', (_name, input, line, block) => {
    expect(visibleLine(input)).toBe(line);
    expect(visibleText(input)).toBe(block);
    expect(visibleLine(input)).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
  });

  it('JSON keeps its meaning and loses its raw controls', () => {
    const value = { text: '\x1b]2;x\x07 \u009b \u202E \x7f' };
    const json = visibleJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('a clean string comes back as it is, and a long one in linear time', () => {
    const long = 'x'.repeat(20_000_000);
    const started = performance.now();
    expect(visibleText(long)).toBe(long);
    expect(visibleLine(`${long}\x1b`).length).toBe(long.length + 1);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

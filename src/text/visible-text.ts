// Text from outside bakeoff (models, tools, files, data files, error bodies) made safe for a terminal: control
// characters and bidi overrides are shown, never obeyed, so no string can set the title, write the clipboard,
// hide the rest of a line or reorder it. C0 controls become their Unicode pictures (ESC → ␛, one column wide,
// so layouts keep their width), C1 controls `\x9b`, bidi and line-separator characters `<U+202E>`.

/** Everything a terminal may act on: C0 (tab and newline are decided per call), DEL, C1, bidi controls, U+2028/2029. */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u061c]/g;
const unsafeInBlock = /\r\n|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u061c]/g;

function shown(character: string): string {
  if (character === '\r\n') return '\n';
  const code = character.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  if (code <= 0x9f) return `\\x${code.toString(16)}`;
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/** For a view of several lines: newlines and tabs kept (a CR LF pair is a newline), every other control made visible. */
export function visibleText(text: string): string {
  unsafeInBlock.lastIndex = 0;
  return unsafeInBlock.test(text) ? text.replace(unsafeInBlock, shown) : text;
}

/** For one line (a file name, an id, a list entry): newlines and tabs made visible too. */
export function visibleLine(text: string): string {
  unsafe.lastIndex = 0;
  return unsafe.test(text) ? text.replace(unsafe, shown) : text;
}

/** JSON text for a terminal: JSON.stringify escapes C0 but leaves DEL, C1 and bidi raw; these become `\uXXXX` (still the same JSON). */
export function visibleJson(json: string): string {
  return json.replace(/[\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

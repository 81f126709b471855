// Model text shown on a terminal: control characters (escape sequences, carriage returns, bidi overrides)
// become visible `\xNN` / `\u{…}` escapes, so an answer cannot move the cursor or rewrite the screen.
// Line breaks and tabs stay when the text is shown as a block.

const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const unsafeInLine = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

function escapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** A block of text (an answer): `\n` and `\t` kept. */
export function safeBlock(text: string): string {
  return text.replace(unsafe, escapeChar);
}

/** One line (a model id, a path, an error): every control character escaped. */
export function safeLine(text: string): string {
  return text.replace(unsafeInLine, escapeChar);
}

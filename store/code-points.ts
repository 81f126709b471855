// Code points of a string counted and cut by walking it, never by spreading it into an array: a 100 MB
// string costs a loop, not an array of 100 million one-character strings.

/** Whether a UTF-16 code unit opens a surrogate pair (a cut after it would halve a character). */
export const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** How many code points `text` holds (a surrogate pair is one). */
export function codePointCount(text: string): number {
  let points = text.length;
  for (let at = 0; at < text.length - 1; at++) {
    if (isHighSurrogate(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1))) {
      points--;
      at++;
    }
  }
  return points;
}

/** The code unit offset just past the first `count` code points. */
function offsetAfter(text: string, count: number): number {
  let at = 0;
  for (let seen = 0; seen < count && at < text.length; seen++) at += isHighSurrogate(text.charCodeAt(at)) && isLow(text.charCodeAt(at + 1)) ? 2 : 1;
  return at;
}

/** The code unit offset where the last `count` code points start. */
function offsetBeforeLast(text: string, count: number): number {
  let at = text.length;
  for (let seen = 0; seen < count && at > 0; seen++) at -= isLow(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2)) ? 2 : 1;
  return at;
}

/** The first `count` code points of `text`. */
export function firstCodePoints(text: string, count: number): string {
  return text.slice(0, offsetAfter(text, count));
}

/** The last `count` code points of `text`. */
export function lastCodePoints(text: string, count: number): string {
  return text.slice(offsetBeforeLast(text, count));
}

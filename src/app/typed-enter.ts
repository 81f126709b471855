// Enter that arrives glued to typed text. A terminal delivers what it reads in one chunk (a fast typist,
// tmux send-keys, a paste), and the text field inserts a whole chunk as text: a chunk that ENDS with a
// carriage return is text followed by Enter; returns inside a chunk are the lines of a paste.

/** The text `next` has where `previous` had none (the field inserts at its cursor). */
export function insertedText(previous: string, next: string): { start: number; text: string } {
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start++;
  let end = 0;
  while (end < previous.length - start && end < next.length - start && previous[previous.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { start, text: next.slice(start, next.length - end) };
}

/** The line to submit when the change ends with a typed Enter, else null. Line breaks come back as `\n`. */
export function submittedByChange(previous: string, next: string): string | null {
  const { start, text } = insertedText(previous, next);
  if (!text.endsWith('\r')) return null;
  const cut = start + text.length - 1;
  return normalizeLineBreaks(next.slice(0, cut) + next.slice(cut + 1));
}

export function normalizeLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

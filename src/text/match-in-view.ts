// A long line that holds a search's text, started where a view of `width` columns shows the match: a hit's
// line can begin with a hundred characters before the word that was looked for.

/** `line` itself when the match lies in its first half-width, else `…` and the line from a little before the match. */
export function matchInView(line: string, query: string, width: number): string {
  const at = line.toLowerCase().indexOf(query.toLowerCase());
  return at <= width / 2 ? line : `…${line.slice(at - Math.min(20, Math.floor(width / 4)))}`;
}

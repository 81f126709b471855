// A value pasted into a command line we print (`bakeoff -d <dir> --resume <id>`) must survive the shell.

/** `text` as one shell word: as it is when that is safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

// Every bakeoff command line printed as advice (`To finish it: …`, the lock refusal, the exit line) is built
// here, so each one can be pasted as is: it carries `-d <dir>` whenever the data directory is not the one
// bakeoff would pick without it.
import { resolve } from 'node:path';

/** The data directory `bakeoff` uses when no -d is given: $BAKEOFF_DATA_DIR, else ./data. */
export function defaultDataDir(): string {
  return resolve(process.env.BAKEOFF_DATA_DIR || './data');
}

/** `bakeoff [-d <dir>] <args…>`, each word quoted for a POSIX shell when it needs to be. */
export function commandHint(dataDir: string, ...args: string[]): string {
  const words = ['bakeoff'];
  if (resolve(dataDir) !== defaultDataDir()) words.push('-d', shellWord(resolve(dataDir)));
  return [...words, ...args.map(shellWord)].join(' ');
}

/** A word as it is when that is safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

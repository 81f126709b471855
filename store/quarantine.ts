// A file that cannot be used is never overwritten or deleted: it is renamed aside, bytes intact, and the
// user is told where it went; the rest of the data stays usable.
import { lstat, rename } from 'node:fs/promises';
import { UnparsableFileError } from './read-json.js';
import { assertNoDataLink } from './data-links.js';
import { tellDataNotice } from './data-notices.js';

/** A data file that did not parse, and where its bytes are now. */
export interface CorruptFile {
  path: string;
  reason: string;
  /** `<path>.corrupt-<time>`; null when it was left in place (a read-only open moves nothing) */
  keptAs: string | null;
  /** one line for the user, naming the file */
  message: string;
  /** a data-notice listener was told already (data-notices.ts): the caller need not show it again */
  told?: boolean;
}

export type CorruptFileReporter = (file: CorruptFile) => void;

/** The default reporter: stderr, unless a data-notice listener (the command line's) has told it already. */
export const reportCorruptFileToStderr: CorruptFileReporter = ({ message, told }) => {
  if (!told) process.stderr.write(`bakeoff: ${message}\n`);
};

/** Renames `path` to `<path>.corrupt-<timestamp>` (never over an earlier one) and returns the new path. */
export async function moveAside(path: string): Promise<string> {
  await assertNoDataLink(path);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let attempt = 0; ; attempt++) {
    const aside = `${path}.corrupt-${stamp}${attempt > 0 ? `-${attempt}` : ''}`;
    if (await lstat(aside).catch(() => null)) continue;
    await rename(path, aside);
    return aside;
  }
}

/**
 * What `read` returns; when the file does not parse, it is moved aside (or, read-only, left as it is)
 * and reported instead, with a null value. Other failures (unreadable, too large) still reject.
 */
export async function setAsideIfUnparsable<T>(
  path: string,
  read: () => Promise<T | null>,
  options: { readOnly?: boolean } = {},
): Promise<{ value: T | null; corrupt: CorruptFile | null }> {
  try {
    return { value: await read(), corrupt: null };
  } catch (error) {
    if (!(error instanceof UnparsableFileError)) throw error;
    if (options.readOnly) {
      const message = `${path} does not parse (${error.reason}); it is left as it is (the session is open read-only)`;
      return { value: null, corrupt: { path, reason: error.reason, keptAs: null, message, ...told(path, message) } };
    }
    const keptAs = await moveAside(path);
    const message = `${path} did not parse (${error.reason}); its bytes are kept in ${keptAs}`;
    return { value: null, corrupt: { path, reason: error.reason, keptAs, message, ...told(path, message) } };
  }
}

/** `{ told: true }` when a data-notice listener heard it; nothing otherwise. */
function told(path: string, message: string): { told?: true } {
  return tellDataNotice({ path, message }) ? { told: true } : {};
}

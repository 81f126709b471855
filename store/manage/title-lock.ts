// Titles are unique across a data directory, so checking that one is free and writing it must be one step for
// every process: `data/locks/.titles.lock` (proper-lockfile, as recipes.json is merged) is held from the check to
// the write, by `bakeoff rename`, the app's /rename and `bakeoff restore`. Two renames to one title at once: one
// wins, the other is told the title is taken.
import { dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { makeDirectories } from '../make-directories.js';
import { assertNoDataLink } from '../data-links.js';

/** Held for milliseconds; one left by a crashed process is stale after 5 s, and we keep trying for longer than that. */
const LOCK_OPTIONS = {
  realpath: false,
  stale: 5_000,
  retries: { retries: 40, minTimeout: 20, maxTimeout: 250 },
  onCompromised: () => undefined,
};

/**
 * data/locks/.titles.lock for the sessions directory data/sessions (or data/trash). Beside the sessions'
 * own `<id>.lock`: the dot keeps it apart from them, since no session name starts with one.
 */
function titlesLockPath(sessionsDir: string): string {
  return join(dirname(sessionsDir), 'locks', '.titles.lock');
}

/** Runs `work` holding the data directory's titles lock. */
export async function withTitlesLock<T>(sessionsDir: string, work: () => Promise<T>): Promise<T> {
  const lockPath = titlesLockPath(sessionsDir);
  await assertNoDataLink(lockPath);
  await makeDirectories(dirname(lockPath));
  const release = await lockfile.lock(dirname(lockPath), { ...LOCK_OPTIONS, lockfilePath: lockPath }).catch((error: Error) => {
    throw new Error(`could not take ${lockPath} to check the title: ${error.message}`);
  });
  try {
    return await work();
  } finally {
    await release().catch(() => undefined);
  }
}

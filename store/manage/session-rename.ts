// Naming a session: the title is checked free and written under the data directory's titles lock (title-lock.ts),
// so two renames at once can never give two sessions one title.
import { assertTitleFree, titleHolders } from './session-resolve.js';
import { withTitlesLock } from './title-lock.js';
import { readTitle, TitleError, writeTitle } from './session-title.js';

/**
 * Gives session `sessionId` (in `sessionDir`, under `sessionsDir`) the title; TitleError when it is unusable or
 * another session has it. The caller holds the session's lock; `write` is how the title reaches the disk (the Store tracks it).
 */
export function setSessionTitle(sessionsDir: string, sessionDir: string, sessionId: string, title: string, write: (done: Promise<void>) => Promise<void> = (done) => done): Promise<void> {
  return withTitlesLock(sessionsDir, async () => {
    await assertTitleFree(sessionsDir, sessionId, title);
    await write(writeTitle(sessionDir, title));
  });
}

/**
 * A restore brings a session back byte for byte, title included: refused (TitleError) while another session holds
 * that title, as two sessions with one title could not both be named. Run under the titles lock, with the move.
 */
export async function assertRestoredTitleFree(sessionsDir: string, trashedDir: string, sessionId: string): Promise<void> {
  const title = await readTitle(trashedDir);
  if (title === null) return;
  const holders = await titleHolders(sessionsDir, sessionId, title);
  if (holders.length > 0) {
    throw new TitleError(`cannot restore session ${sessionId}: its title ${JSON.stringify(title)} is now the title of session ${holders.join(', ')}; rename that one first (nothing was moved)`);
  }
}

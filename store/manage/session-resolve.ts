// The one way a session is named on the command line and in the app: a whole id, a unique title, or an id
// prefix that matches one directory. An exact id wins, then a title, then a prefix; no match and an
// ambiguous name are errors that say which. Titles are only read when the name is not an exact id.
import { join } from 'node:path';
import { isSafeSessionName, linkedSessionReason, sessionDirEntries, sessionDirNames, SessionIdError } from '../session-paths.js';
import { mapWithConcurrency, READ_CONCURRENCY } from '../session-list.js';
import { readTitleQuietly, sameTitle, TitleError, titleProblem } from './session-title.js';

/** Every session directory under `sessionsDir` with a title, and that title. */
export async function sessionTitles(sessionsDir: string, names?: readonly string[]): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  await mapWithConcurrency(names ?? (await sessionDirNames(sessionsDir)), READ_CONCURRENCY, async (id) => {
    const title = await readTitleQuietly(join(sessionsDir, id));
    if (title !== null) titles.set(id, title);
  });
  return titles;
}

/**
 * The id of the session `name` names in `sessionsDir` (data/sessions, or data/trash for a restore).
 * A name that can be neither an id nor a title is refused before touching the disk; a title never becomes a path.
 */
export async function resolveSessionId(sessionsDir: string, name: string): Promise<string> {
  const safe = isSafeSessionName(name);
  // neither an id nor a title could be this: refused before touching the disk
  if (!safe && titleProblem(name) !== null) throw new SessionIdError(`invalid session id ${JSON.stringify(name)}`);
  const { dirs: names, links } = await sessionDirEntries(sessionsDir);
  if (safe && names.includes(name)) return name;
  if (safe && links.includes(name)) throw new SessionIdError(linkedSessionReason(join(sessionsDir, name)));
  // no title starts with ses_ (titleProblem), so an id prefix never reads the titles
  const titled = /^ses_/i.test(name) ? [] : [...(await sessionTitles(sessionsDir, names))].filter(([, title]) => sameTitle(title, name)).map(([id]) => id).sort();
  if (titled.length === 1) return titled[0];
  if (titled.length > 1) throw new SessionIdError(`title ${JSON.stringify(name)} is used by several sessions: ${titled.join(', ')}; name one by id`);
  // a title never becomes a path: only a plain name is tried as an id prefix
  if (!safe) throw new SessionIdError(`invalid session id ${JSON.stringify(name)}, and no session in ${sessionsDir} has that title`);
  const matches = names.filter((id) => id.startsWith(name)).sort();
  if (matches.length === 1) return matches[0];
  if (matches.length === 0) throw new SessionIdError(`no session matches ${JSON.stringify(name)} in ${sessionsDir}`);
  throw new SessionIdError(`session prefix ${JSON.stringify(name)} is ambiguous: ${matches.join(', ')}`);
}

/** Titles name one session each, so a title always resolves: TitleError when `title` is unusable or taken. */
export async function assertTitleFree(sessionsDir: string, sessionId: string, title: string): Promise<void> {
  const problem = titleProblem(title);
  if (problem) throw new TitleError(`${problem}: ${JSON.stringify(title)}`);
  const holders = [...(await sessionTitles(sessionsDir))].filter(([id, other]) => id !== sessionId && sameTitle(other, title)).map(([id]) => id);
  if (holders.length > 0) throw new TitleError(`title ${JSON.stringify(title)} is already the title of session ${holders.join(', ')}`);
}

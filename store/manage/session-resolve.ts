// The one way a session is named on the command line and in the app: a whole id, a unique title, or an id
// prefix that matches one directory. An exact id wins over a prefix; a name that is both a title and an id
// (or id prefix) of another session is ambiguous, never silently one of them: a repository may ship a session
// directory named like your title. No match and an ambiguous name are errors that say which. Titles are never
// read for a name starting with ses_ (no title can).
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
  // no title starts with ses_ (titleProblem), so an id never reads the titles
  const titled = /^ses_/i.test(name) ? [] : [...(await sessionTitles(sessionsDir, names))].filter(([, title]) => sameTitle(title, name)).map(([id]) => id).sort();
  // a title never becomes a path: only a plain name is tried as an id or an id prefix
  const exact = safe && names.includes(name);
  const byId = !safe ? [] : exact ? [name] : names.filter((id) => id.startsWith(name)).sort();
  const oneSession = titled.every((id) => byId.includes(id)) && byId.every((id) => titled.includes(id));
  if (titled.length > 0 && byId.length > 0 && !oneSession) {
    const asId = exact ? `the id of session ${name}` : `a prefix of session id ${byId.join(', ')}`;
    throw new SessionIdError(`${JSON.stringify(name)} is ambiguous: the title of session ${titled.join(', ')} and ${asId}; name the session by its whole id`);
  }
  if (exact) return name;
  if (safe && links.includes(name)) throw new SessionIdError(linkedSessionReason(join(sessionsDir, name)));
  if (titled.length === 1) return titled[0];
  if (titled.length > 1) throw new SessionIdError(`title ${JSON.stringify(name)} is used by several sessions: ${titled.join(', ')}; name one by id`);
  if (!safe) throw new SessionIdError(`invalid session id ${JSON.stringify(name)}, and no session in ${sessionsDir} has that title`);
  if (byId.length === 1) return byId[0];
  if (byId.length === 0) throw new SessionIdError(`no session matches ${JSON.stringify(name)} in ${sessionsDir}`);
  throw new SessionIdError(`session prefix ${JSON.stringify(name)} is ambiguous: ${byId.join(', ')}`);
}

/** Titles name one session each, so a title always resolves: TitleError when `title` is unusable or taken. */
export async function assertTitleFree(sessionsDir: string, sessionId: string, title: string): Promise<void> {
  const problem = titleProblem(title);
  if (problem) throw new TitleError(`${problem}: ${JSON.stringify(title)}`);
  // a title that is also an id (or the start of one, in any case) would make that name ambiguous
  const lower = title.toLowerCase();
  const shadowed = (await sessionDirNames(sessionsDir)).filter((id) => id !== sessionId && id.toLowerCase().startsWith(lower)).sort();
  if (shadowed.length > 0) throw new TitleError(`title ${JSON.stringify(title)} is ${shadowed.some((id) => id.toLowerCase() === lower) ? 'the id' : 'the start of the id'} of session ${shadowed.join(', ')}; choose another`);
  const holders = await titleHolders(sessionsDir, sessionId, title);
  if (holders.length > 0) throw new TitleError(`title ${JSON.stringify(title)} is already the title of session ${holders.join(', ')}`);
}

/** The sessions other than `sessionId` whose title is `title` (in any case). */
export async function titleHolders(sessionsDir: string, sessionId: string, title: string): Promise<string[]> {
  return [...(await sessionTitles(sessionsDir))].filter(([id, other]) => id !== sessionId && sameTitle(other, title)).map(([id]) => id);
}

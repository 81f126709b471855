// Where things live in a data directory, and how a session is named on the command line.
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { SessionPaths } from './types.js';
import { registerDataRoot } from './data-links.js';

export interface DataLayout {
  root: string;
  promptHistory: string;
  recipeStore: string;
  recipes: string;
  sessions: string;
  outputs: string;
  /** bakeoff only: deleted sessions, kept until `bakeoff trash --empty` */
  trash: string;
  /** bakeoff only: a session being written (a fork) before it is moved into sessions/ whole */
  staging: string;
}

export function dataLayout(root: string): DataLayout {
  registerDataRoot(root);
  return {
    root,
    promptHistory: join(root, 'prompt_history.jsonl'),
    recipeStore: join(root, 'recipes.json'),
    recipes: join(root, 'recipes'),
    sessions: join(root, 'sessions'),
    outputs: join(root, 'outputs'),
    trash: join(root, 'trash'),
    staging: join(root, 'staging'),
  };
}

/** `ses_` + a lowercase UUIDv7, so ids sort by creation time. */
export function newSessionId(): string {
  return 'ses_' + uuidv7();
}

/**
 * A name that could be a session directory under sessions/: letters, digits, `_`, `-` and `.` (not first),
 * at most 200 of them. Ids are `ses_<uuid>`; anything else (a separator, `..`, a control character a
 * hostile repository put in a directory name) is never joined to a path nor listed.
 */
export function isSafeSessionName(name: string): boolean {
  return /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$/.test(name);
}

export class SessionIdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionIdError';
  }
}

function assertSafeSessionName(name: string): void {
  if (!isSafeSessionName(name)) throw new SessionIdError(`invalid session id ${JSON.stringify(name)}`);
}

export function sessionPathsFor(sessionsDir: string, id: string): SessionPaths {
  assertSafeSessionName(id);
  const dir = join(sessionsDir, id);
  return {
    dir,
    metadataPath: join(dir, 'session_metadata.json'),
    contentPath: join(dir, 'session_content.json'),
    checkpointPath: join(dir, 'checkpoint.json'),
    recipePath: join(dir, 'recipe.md'),
  };
}

/** Why a session is never read or written through `path`, a symbolic link (its target may be anywhere). */
export function linkedSessionReason(path: string): string {
  return `${path} is a symbolic link, and bakeoff never reads or writes a session through one`;
}

/** The session directories under `sessionsDir`, and the session names there that are symbolic links (skipped). */
export async function sessionDirEntries(sessionsDir: string): Promise<{ dirs: string[]; links: string[] }> {
  // the sessions directory itself must be a real one: through a link, sessions would be read and made elsewhere
  if ((await lstat(sessionsDir).catch(() => null))?.isSymbolicLink()) {
    throw new SessionIdError(`${sessionsDir} is a symbolic link, and bakeoff never reads or writes sessions through one`);
  }
  const entries = await readdir(sessionsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const safe = entries.filter((e) => isSafeSessionName(e.name));
  return { dirs: safe.filter((e) => e.isDirectory()).map((e) => e.name), links: safe.filter((e) => e.isSymbolicLink()).map((e) => e.name) };
}

/** The names of the session directories (missing sessions dir = none; links are not sessions). */
export async function sessionDirNames(sessionsDir: string): Promise<string[]> {
  return (await sessionDirEntries(sessionsDir)).dirs;
}

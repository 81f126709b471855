// A session is held by one process: `locks/<session id>.lock` in the data directory names the holder
// (pid, host, since when). A second process is told who holds it and may open the session read-only;
// the lock of a process that has ended (a crash, a kill -9) is taken over at once. The lock lives
// outside sessions/, so opening a new session writes nothing there and listings never see it.
import { readFileSync, unlinkSync } from 'node:fs';
import { readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import lockfile from 'proper-lockfile';
import { makeDirectories } from './make-directories.js';
import * as z from 'zod';
import { currentProcessIdentity, isProcessGone } from './process-liveness.js';
import { nowTimestamp } from './timestamp.js';

/** data/locks/<id>.lock for the session directory data/sessions/<id>. */
export function sessionLockPath(sessionDir: string): string {
  return join(dirname(dirname(sessionDir)), 'locks', `${basename(sessionDir)}.lock`);
}

const lockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  since: z.string(),
  process_start: z.string().optional(),
  boot_id: z.string().optional(),
  /** tells this holder's file from a later holder's, so a release never removes someone else's lock */
  token: z.string(),
});

export type LockOwner = z.infer<typeof lockOwnerSchema>;

/**
 * Only the check-then-write of the lock file runs under this short cross-process mutex; a holder
 * killed inside it is waited out (stale after 2 s), which is why the retries span about 5 s.
 */
const GUARD_OPTIONS = {
  realpath: false,
  stale: 2_000,
  update: 1_000,
  retries: { retries: 60, factor: 1.2, minTimeout: 10, maxTimeout: 100 },
  onCompromised: () => undefined,
};

export class SessionLockedError extends Error {
  readonly pid: number;
  readonly hostname: string;
  readonly since: string;

  /** `readCommand` is the command that reads the session meanwhile, as the caller's user would type it. */
  constructor(
    readonly sessionId: string,
    readonly lockPath: string,
    readonly owner: LockOwner,
    readCommand = `bakeoff show ${sessionId}`,
  ) {
    const sameHost = owner.hostname === hostname();
    const holder = sameHost ? `process ${owner.pid}` : `process ${owner.pid} on ${owner.hostname}`;
    const gone = sameHost ? '' : `; if that process is gone, delete ${lockPath}`;
    super(`session ${sessionId} is open in ${holder} (since ${owner.since}); close it there first (${readCommand} reads it meanwhile)${gone}`);
    this.name = 'SessionLockedError';
    this.pid = owner.pid;
    this.hostname = owner.hostname;
    this.since = owner.since;
  }
}

/** Locks held by this process, released on exit (a signal or kill -9 leaves them for the next process to take over). */
const held = new Set<SessionLock>();
let exitHookInstalled = false;

export class SessionLock {
  private released = false;

  private constructor(
    readonly path: string,
    private readonly owner: LockOwner,
  ) {}

  /** Takes the lock of the session in `sessionDir`; rejects with SessionLockedError while a live process holds it. */
  static async acquire(sessionDir: string, sessionId: string): Promise<SessionLock> {
    const path = sessionLockPath(sessionDir);
    const owner: LockOwner = { ...currentProcessIdentity(), since: nowTimestamp(), token: randomUUID() };
    await makeDirectories(dirname(path));
    const releaseGuard = await lockfile.lock(path, GUARD_OPTIONS).catch((error: Error) => {
      throw new Error(`cannot take the lock of session ${sessionId} (${path}): ${error.message}`);
    });
    try {
      const holder = await readLockOwner(path);
      if (holder && !isProcessGone(holder)) throw new SessionLockedError(sessionId, path, holder);
      await removeStaleTempFiles(path);
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, JSON.stringify(owner) + '\n', { mode: 0o600 });
      await rename(temp, path);
    } finally {
      await releaseGuard().catch(() => undefined);
    }
    const lock = new SessionLock(path, owner);
    held.add(lock);
    installExitHook();
    return lock;
  }

  /** Removes the lock file if it is still ours (a later holder's is never touched). */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    held.delete(this);
    const holder = await readLockOwner(this.path).catch(() => null);
    if (holder?.token === this.owner.token) await unlink(this.path).catch(() => undefined);
  }

  /** The same as release(), for the process 'exit' event, where only synchronous work runs. */
  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    try {
      if (parseLockOwner(readFileSync(this.path, 'utf8'))?.token === this.owner.token) unlinkSync(this.path);
    } catch {
      // Gone already (its data directory was removed): nothing to undo.
    }
  }
}

/** `<id>.lock.<pid>.tmp` files left by a holder killed while writing its lock; only the guard holder writes one. */
async function removeStaleTempFiles(path: string): Promise<void> {
  const lockName = basename(path);
  for (const name of await readdir(dirname(path))) {
    const rest = name.startsWith(lockName) ? name.slice(lockName.length) : '';
    if (/^\.\d+\.tmp$/.test(rest)) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

/** The holder named in `path`; null when there is none or the file is unreadable as a lock (a stale leftover). */
async function readLockOwner(path: string): Promise<LockOwner | null> {
  try {
    return parseLockOwner(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`cannot read the session lock ${path}: ${(error as Error).message}`);
  }
}

function parseLockOwner(text: string): LockOwner | null {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const lock of held) lock.releaseSync();
  });
}

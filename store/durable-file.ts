// One file written the way a database would: every write atomic (temp file, fsync, rename, fsync of the
// directory), writes serialized and coalesced so the newest state wins and nothing is reordered.
import { lstat, open, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { makeDirectories } from './make-directories.js';
import { assertNoDataLinkAbove } from './data-links.js';
import { WriteError } from './errors.js';

/** A body is rendered only when its write starts, so a burst of changes costs one render. */
export type FileBody = string | Buffer | readonly Buffer[];

type Operation = { kind: 'write'; render: () => FileBody } | { kind: 'remove' };

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/** Data files hold prompts and answers: readable by their owner only, unless the file already says otherwise. */
export const DATA_FILE_MODE = 0o600;

export class DurableFile {
  private pending: { operation: Operation; waiters: Waiter[] } | null = null;
  private running = false;
  private settled: Promise<void> = Promise.resolve();

  constructor(
    readonly path: string,
    private readonly newFileMode = DATA_FILE_MODE,
  ) {}

  /** Schedules a write of what `render` returns when the write starts; resolves once it is durable. */
  write(render: () => FileBody): Promise<void> {
    return this.schedule({ kind: 'write', render });
  }

  /** Schedules the removal of the file (a missing file is fine), ordered with the writes. */
  remove(): Promise<void> {
    return this.schedule({ kind: 'remove' });
  }

  /** Resolves when every scheduled operation has finished, failed ones included. */
  idle(): Promise<void> {
    return this.settled;
  }

  private schedule(operation: Operation): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      if (this.pending) {
        this.pending.operation = operation;
        this.pending.waiters.push({ resolve, reject });
        return;
      }
      this.pending = { operation, waiters: [{ resolve, reject }] };
      // Start on the next microtask so changes made in the same tick share one write.
      if (!this.running) queueMicrotask(() => void this.drain());
    });
    this.settled = done.catch(() => undefined);
    return done;
  }

  private async drain(): Promise<void> {
    if (this.running) return;
    this.running = true;
    while (this.pending) {
      const batch = this.pending;
      this.pending = null;
      try {
        await this.perform(batch.operation);
        for (const waiter of batch.waiters) waiter.resolve();
      } catch (cause) {
        const error = new WriteError(this.path, cause);
        for (const waiter of batch.waiters) waiter.reject(error);
      }
    }
    this.running = false;
  }

  private async perform(operation: Operation): Promise<void> {
    if (operation.kind === 'remove') {
      await assertNoDataLinkAbove(this.path);
      await unlink(this.path).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    } else {
      await writeDurably(this.path, operation.render(), this.newFileMode);
    }
    await fsyncDirectory(dirname(this.path));
  }
}

/**
 * Atomically replaces `path` with `body`; a list of pieces is written with one vectored write, never joined.
 * A `path` that is a symbolic link is refused: write-file-atomic would replace the link's target, which for
 * a data file a hostile repository planted (`stats-cache.json -> ~/victim`) is outside the data directory.
 */
export async function writeDurably(path: string, body: FileBody, newFileMode = DATA_FILE_MODE): Promise<void> {
  await makeDirectories(dirname(path));
  if ((await lstat(path).catch(() => null))?.isSymbolicLink()) {
    throw Object.assign(new Error(`${path} is a symbolic link: bakeoff never writes through one`), { code: 'ELOOP' });
  }
  const mode = (await stat(path).catch(() => null))?.mode ?? newFileMode;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    await writeFileAtomic(path, body, { mode });
    return;
  }
  const pieces = body as readonly Buffer[];
  // write-file-atomic owns the protocol (temp name, fsync, mode, rename, cleanup); we only fill the temp file.
  await writeFileAtomic(path, '', { mode, tmpfileCreated: (tmp: string) => writePieces(tmp, pieces) });
}

/** writeDurably for a path the user named (an export, a saved recipe): a failure is one WriteError naming it. */
export async function writeUserFile(path: string, body: FileBody, newFileMode: number): Promise<void> {
  await writeDurably(path, body, newFileMode).catch((cause: unknown) => {
    throw new WriteError(path, cause);
  });
}

async function writePieces(path: string, pieces: readonly Buffer[]): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    let remaining = pieces.filter((piece) => piece.length > 0);
    let position = 0;
    while (remaining.length > 0) {
      const { bytesWritten } = await handle.writev(remaining, position);
      position += bytesWritten;
      remaining = skipWritten(remaining, bytesWritten);
    }
  } finally {
    await handle.close();
  }
}

/** What is left of `pieces` after `bytes` of them were written (a short write can stop mid-piece). */
function skipWritten(pieces: readonly Buffer[], bytes: number): Buffer[] {
  let index = 0;
  let left = bytes;
  while (index < pieces.length && left >= pieces[index].length) left -= pieces[index++].length;
  if (index === pieces.length) return [];
  return [pieces[index].subarray(left), ...pieces.slice(index + 1)];
}

/** Makes a rename durable across power loss, not just across a crash of this process. */
async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}

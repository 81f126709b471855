// File contents kept for rewind and redo, stored once each by content hash (sha256 of the bytes) under the
// session's snapshots/. A blob is trusted only when it is a regular file (never read through a link) whose
// bytes have the hash it is named by: snapshots/ may come with a hostile repository.
import { readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { writeDurably } from './durable-file.js';
import { DataFileError } from './errors.js';
import { readRegularFile, type RegularFileRead } from './regular-file.js';

export function contentHash(content: string | Buffer | readonly Buffer[]): string {
  const hash = createHash('sha256');
  if (typeof content === 'string') hash.update(content, 'utf8');
  else if (Buffer.isBuffer(content)) hash.update(content);
  else for (const piece of content) hash.update(piece);
  return hash.digest('hex');
}

/** A blob name: what a data file may name, and nothing that could be a path. */
export const BLOB_HASH = /^[0-9a-f]{64}$/;

/** A blob that is there but cannot be trusted (a link, a pipe, too large, other bytes than its name says). */
export class BadBlobError extends DataFileError {
  constructor(path: string, reason: string) {
    super(path, reason);
    this.name = 'BadBlobError';
  }
}

/** A blob as read back: its bytes, `missing` (gone), or why it was refused. */
export type BlobRead = RegularFileRead;

export class SnapshotBlobs {
  constructor(readonly dir: string) {}

  pathOf(hash: string): string {
    return join(this.dir, hash);
  }

  /** Stores `content` unless a trusted blob with its hash is there already; returns the hash. */
  async put(content: string | Buffer): Promise<string> {
    const hash = contentHash(content);
    const present = await this.read(hash);
    if ('bytes' in present) return hash;
    if ('missing' in present) {
      await writeDurably(this.pathOf(hash), content);
      return hash;
    }
    // a link, a pipe or other bytes under this name: written beside it, then renamed over it (never through it)
    const aside = join(this.dir, `.${hash}.${randomBytes(6).toString('hex')}.tmp`);
    await writeDurably(aside, content);
    await rename(aside, this.pathOf(hash)).catch(async (error: unknown) => {
      await unlink(aside).catch(() => undefined);
      throw error;
    });
    return hash;
  }

  /** The blob `hash`, checked: a regular file, not a link, with exactly the bytes that hash to its name. */
  async read(hash: string): Promise<BlobRead> {
    if (!BLOB_HASH.test(hash)) return { refused: 'its name is not a sha256 hex hash' };
    const read = await readRegularFile(this.pathOf(hash), { followLinks: false });
    if ('bytes' in read && contentHash(read.bytes) !== hash) return { refused: 'its content does not match its hash' };
    return read;
  }

  /**
   * The bytes stored under `hash`, or null when the blob is gone; a BadBlobError naming the blob and `holds`
   * (what it keeps: a file's path) when it is there but refused. Every reader of blobs comes through here.
   */
  async getBytes(hash: string, holds: string): Promise<Buffer | null> {
    const read = await this.read(hash);
    if ('refused' in read) throw new BadBlobError(this.pathOf(hash), `the stored content of ${holds} is refused (${read.refused}); nothing was changed`);
    return 'bytes' in read ? read.bytes : null;
  }

  /** Removes every blob no entry references any more. */
  async keepOnly(referenced: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => BLOB_HASH.test(name) && !referenced.has(name)).map((name) => unlink(join(this.dir, name)).catch(() => undefined)));
  }
}

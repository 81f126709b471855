// File contents kept for rewind, stored once each by content hash under the session's snapshots/.
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { writeDurably } from './durable-file.js';

export function contentHash(content: string | Buffer | readonly Buffer[]): string {
  const hash = createHash('sha256');
  if (typeof content === 'string') hash.update(content, 'utf8');
  else if (Buffer.isBuffer(content)) hash.update(content);
  else for (const piece of content) hash.update(piece);
  return hash.digest('hex');
}

/** A blob name: what a data file may name, and nothing that could be a path. */
export const BLOB_HASH = /^[0-9a-f]{64}$/;

export class SnapshotBlobs {
  constructor(readonly dir: string) {}

  /** Stores `content` unless a blob with its hash is there already; returns the hash. */
  async put(content: string | Buffer): Promise<string> {
    const hash = contentHash(content);
    const path = join(this.dir, hash);
    const present = await stat(path).then(
      () => true,
      () => false,
    );
    if (!present) await writeDurably(path, content);
    return hash;
  }

  /** The content stored under `hash`, or null when the blob is gone. */
  async get(hash: string): Promise<string | null> {
    return (await this.getBytes(hash))?.toString('utf8') ?? null;
  }

  /** The bytes stored under `hash`, or null when the blob is gone (or `hash` is not a blob name). */
  async getBytes(hash: string): Promise<Buffer | null> {
    if (!BLOB_HASH.test(hash)) return null;
    return readFile(join(this.dir, hash)).catch(() => null);
  }

  /** Removes every blob no entry references any more. */
  async keepOnly(referenced: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => BLOB_HASH.test(name) && !referenced.has(name)).map((name) => unlink(join(this.dir, name)).catch(() => undefined)));
  }
}

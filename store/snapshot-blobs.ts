// File contents kept for rewind, stored once each by content hash under the session's snapshots/.
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { writeDurably } from './durable-file.js';

export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

export class SnapshotBlobs {
  constructor(readonly dir: string) {}

  /** Stores `content` unless a blob with its hash is there already; returns the hash. */
  async put(content: string): Promise<string> {
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
    return readFile(join(this.dir, hash), 'utf8').catch(() => null);
  }

  /** Removes every blob no entry references any more. */
  async keepOnly(referenced: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    await Promise.all(names.filter((name) => /^[0-9a-f]{64}$/.test(name) && !referenced.has(name)).map((name) => unlink(join(this.dir, name)).catch(() => undefined)));
  }
}

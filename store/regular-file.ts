// Reading a file whose path a data file (or a hostile repository) may have planted: opened without blocking
// (a FIFO would wait forever for a writer), optionally without following a link, and read only when it is a
// regular file no bigger than a limit. What is wrong comes back as a reason, never as someone else's bytes.
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

/** A file bakeoff keeps or restores for rewind and redo is at most this big (a blob past it is refused). */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

export type RegularFileRead = { bytes: Buffer } | { missing: true } | { refused: string };

export interface RegularFileOptions {
  /** false: a symbolic link is refused (O_NOFOLLOW) instead of followed */
  followLinks: boolean;
  maxBytes?: number;
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isDirectory()) return 'a directory';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'something else';
}

/** The bytes of `path` when it is a regular file; `missing` when nothing (or a missing parent) is there. */
export async function readRegularFile(path: string, options: RegularFileOptions): Promise<RegularFileRead> {
  const maxBytes = options.maxBytes ?? MAX_SNAPSHOT_BYTES;
  const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followLinks ? 0 : constants.O_NOFOLLOW);
  let handle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { missing: true };
    if (code === 'ELOOP') return { refused: 'it is a symbolic link' };
    return { refused: `cannot open it (${(error as Error).message})` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { refused: `it is ${kindOf(info)}, not a regular file` };
    if (info.size > maxBytes) return { refused: `it is too large (${info.size} bytes; at most ${maxBytes})` };
    return { bytes: await handle.readFile() };
  } finally {
    await handle.close();
  }
}

/** A project file's bytes (the path already resolved inside the project), null when absent; anything but a regular file throws naming it. */
export async function readProjectFile(path: string): Promise<Buffer | null> {
  const read = await readRegularFile(path, { followLinks: true });
  if ('refused' in read) throw new Error(`cannot read ${path}: ${read.refused}`);
  return 'bytes' in read ? read.bytes : null;
}

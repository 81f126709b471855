// ENOSPC without a tiny filesystem (so it runs anywhere): the write of a session file's pieces into its
// temporary file fails part way with ENOSPC. The previous file stays intact, the error names the file and
// says the disk is full, and no temporary file is left.
import { readdir, readFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DurableFile } from '../../store/durable-file.js';
import { WriteError } from '../../store/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

const disk = vi.hoisted(() => ({ full: false }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof actual.open>): Promise<FileHandle> => {
    const handle = await actual.open(...args);
    if (!disk.full) return handle;
    const writev = handle.writev.bind(handle);
    // Some bytes land, then the device is full: what a real short write followed by ENOSPC looks like.
    handle.writev = (async (buffers: NodeJS.ArrayBufferView[], position?: number) => {
      await writev([Buffer.from(buffers[0].buffer, buffers[0].byteOffset, Math.min(buffers[0].byteLength, 16))], position);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as FileHandle['writev'];
    return handle;
  };
  return { ...actual, open, default: { ...actual, open } };
});

describe('a full disk, injected', () => {
  it('a failed write keeps the previous file byte for byte, names the file, says the disk is full, leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'session_metadata.json');
    const file = new DurableFile(path);
    await file.write(() => [Buffer.from('{"runs":'), Buffer.from('[1,2,3]}')]);
    const previous = await readFile(path);

    disk.full = true;
    try {
      const failed = await file.write(() => [Buffer.from('{"runs":'), Buffer.from('[1,2,3,4]}')]).catch((error: unknown) => error);
      expect(failed).toBeInstanceOf(WriteError);
      expect((failed as WriteError).message).toBe(`could not write ${path}: the disk is full; the previous file is intact`);
      expect(((failed as WriteError).cause as NodeJS.ErrnoException).code).toBe('ENOSPC');
    } finally {
      disk.full = false;
    }
    expect(await readFile(path)).toEqual(previous);
    expect(await readdir(dir)).toEqual(['session_metadata.json']);

    await file.write(() => [Buffer.from('{"runs":[4]}')]);
    expect(await readFile(path, 'utf8')).toBe('{"runs":[4]}');
  });
});

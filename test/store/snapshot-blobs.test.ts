// The blob store under a session's snapshots/: a blob is trusted only as a regular file (never through a link,
// never a pipe) whose bytes hash to its name; put never keeps or writes through an entry that is not that.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BadBlobError, SnapshotBlobs } from '../../store/snapshot-blobs.js';
import { tempDir } from '../helpers/temp-dir.js';

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');

async function blobStore() {
  const base = await tempDir('bakeoff-blobs-');
  const dir = join(base, 'snapshots');
  await mkdir(dir);
  const victim = join(base, 'victim.txt');
  await writeFile(victim, 'the victim');
  return { dir, victim, blobs: new SnapshotBlobs(dir) };
}

describe('SnapshotBlobs', () => {
  it('keeps bytes exactly, named by the sha256 of the bytes (UTF-8 text hashes as its bytes)', async () => {
    const { blobs } = await blobStore();
    const binary = Buffer.from([0xff, 0x00, 0x80, 0x81]);
    expect(await blobs.put(binary)).toBe(sha(binary));
    expect(await blobs.getBytes(sha(binary), 'bin.dat')).toEqual(binary);
    expect(await blobs.put('ça va')).toBe(sha(Buffer.from('ça va', 'utf8')));
    expect(await blobs.getBytes(sha('absent'), 'x')).toBeNull();
  });

  it.each([
    ['a symbolic link', (dir: string, victim: string, name: string) => symlink(victim, join(dir, name))],
    ['a named pipe', async (dir: string, _victim: string, name: string) => void execFileSync('mkfifo', [join(dir, name)])],
    ['a file with other bytes', (dir: string, _victim: string, name: string) => writeFile(join(dir, name), 'other bytes')],
  ])('put replaces %s under its name by renaming over it, never writing through it', async (_name, plant) => {
    const { dir, victim, blobs } = await blobStore();
    const content = Buffer.from('the real content');
    await plant(dir, victim, sha(content));
    expect(await blobs.put(content)).toBe(sha(content));
    const info = await lstat(join(dir, sha(content)));
    expect(info.isFile()).toBe(true);
    expect(await readFile(join(dir, sha(content)))).toEqual(content);
    expect(await readFile(victim, 'utf8')).toBe('the victim');
  });

  it('getBytes refuses a link, a pipe and wrong bytes with a BadBlobError naming the blob and what it holds, and returns at once', async () => {
    const { dir, victim, blobs } = await blobStore();
    const names = { link: sha('1'), pipe: sha('2'), wrong: sha('3') };
    await symlink(victim, join(dir, names.link));
    execFileSync('mkfifo', [join(dir, names.pipe)]);
    await writeFile(join(dir, names.wrong), 'not 3');
    for (const [name, reason] of [
      [names.link, 'it is a symbolic link'],
      [names.pipe, 'it is a named pipe, not a regular file'],
      [names.wrong, 'its content does not match its hash'],
    ]) {
      const error = await blobs.getBytes(name, '/p/file.txt').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadBlobError);
      expect((error as Error).message).toBe(`${join(dir, name)}: the stored content of /p/file.txt is refused (${reason}); nothing was changed`);
    }
    expect(await readlink(join(dir, names.link))).toBe(victim);
  });
});

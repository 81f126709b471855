import { chmod, readFile, readdir, stat, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableFile, writeDurably } from '../../store/durable-file.js';
import { WriteError } from '../../store/errors.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('DurableFile', () => {
  it('writes a burst of changes made in one tick once, with the newest state', async () => {
    const dir = await tempDir();
    const file = new DurableFile(join(dir, 'a.json'));
    let state = 0;
    let renders = 0;
    const render = () => {
      renders++;
      return JSON.stringify({ state });
    };
    const writes = [1, 2, 3].map((n) => {
      state = n;
      return file.write(render);
    });
    await Promise.all(writes);
    expect(renders).toBe(1);
    expect(JSON.parse(await readFile(join(dir, 'a.json'), 'utf8'))).toEqual({ state: 3 });
  });

  it('never reorders: a write scheduled during another ends up last on disk', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    const file = new DurableFile(path);
    const seen: number[] = [];
    const first = file.write(() => {
      seen.push(1);
      return '1';
    });
    await Promise.resolve();
    await Promise.resolve();
    const second = file.write(() => {
      seen.push(2);
      return '2';
    });
    await Promise.all([first, second]);
    expect(seen).toEqual([1, 2]);
    expect(await readFile(path, 'utf8')).toBe('2');
  });

  it('orders a removal after the writes before it and a write after it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'c.json');
    const file = new DurableFile(path);
    await file.write(() => 'x');
    await file.remove();
    await expect(stat(path)).rejects.toThrow();
    await file.remove();
    await file.write(() => 'y');
    expect(await readFile(path, 'utf8')).toBe('y');
  });

  it('writes pieces in order without joining them, including empty pieces', async () => {
    const dir = await tempDir();
    const path = join(dir, 'p.json');
    const pieces = [Buffer.from('['), Buffer.alloc(0), Buffer.from('"é"'), Buffer.from(','), Buffer.from('"x"'), Buffer.from(']')];
    await writeDurably(path, pieces);
    expect(await readFile(path, 'utf8')).toBe('["é","x"]');
  });

  it('writes thousands of pieces (more than one writev can take)', async () => {
    const dir = await tempDir();
    const path = join(dir, 'many.txt');
    const pieces = Array.from({ length: 5000 }, (_, i) => Buffer.from(`${i};`));
    await writeDurably(path, pieces);
    expect(await readFile(path, 'utf8')).toBe(pieces.map(String).join(''));
  });

  it('creates new data files readable by their owner only and keeps an existing file’s mode', async () => {
    const dir = await tempDir();
    const fresh = join(dir, 'new.json');
    await writeDurably(fresh, '{}');
    expect((await stat(fresh)).mode & 0o777).toBe(0o600);
    const existing = join(dir, 'old.json');
    await writeFile(existing, '{}');
    await chmod(existing, 0o640);
    await writeDurably(existing, '{"a":1}');
    expect((await stat(existing)).mode & 0o777).toBe(0o640);
  });

  it('creates the parent directory of a new file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'sessions', 'ses_x', 'session_metadata.json');
    await writeDurably(path, '{}');
    expect(await readFile(path, 'utf8')).toBe('{}');
  });

  it('rejects a failed write with an error naming the file, keeps the old file, leaves no temp file', async () => {
    const dir = await tempDir();
    const path = join(dir, 'keep.json');
    await writeFile(path, 'old');
    const file = new DurableFile(path);
    const error = await file
      .write(() => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('disk is full');
    expect(await readFile(path, 'utf8')).toBe('old');
    await file.write(() => 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['keep.json']);
  });

  it('rejects when the directory cannot be written, naming the file', async () => {
    const dir = await tempDir();
    const blocker = join(dir, 'blocker');
    await writeFile(blocker, 'a file where a directory should be');
    const file = new DurableFile(join(blocker, 'x.json'));
    await expect(file.write(() => '{}')).rejects.toThrow(join(blocker, 'x.json'));
  });

  it('idle() resolves after every scheduled write, failed ones included', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'd'));
    const file = new DurableFile(join(dir, 'd', 'a'));
    const failing = file.write(() => {
      throw new Error('boom');
    });
    failing.catch(() => undefined);
    await file.idle();
    await expect(failing).rejects.toThrow('boom');
  });
});

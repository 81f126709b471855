// Every write below a data directory checks the directories on its way: a link (to a real directory
// elsewhere) anywhere below the data directory refuses the write, naming the link; outside stays untouched.
import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableFile, writeDurably } from '../../store/durable-file.js';
import { dataLayout } from '../../store/session-paths.js';
import { makeDirectories } from '../../store/make-directories.js';
import { appendPromptHistory } from '../../store/prompt-history.js';
import { tempDir } from '../helpers/temp-dir.js';

async function linkedData(linkAt: string): Promise<{ data: string; outside: string; link: string }> {
  const root = await tempDir('bakeoff-links-');
  const data = join(root, 'data');
  const outside = join(root, 'outside');
  await mkdir(outside);
  const link = join(data, linkAt);
  await mkdir(join(link, '..'), { recursive: true });
  await symlink(outside, link);
  dataLayout(data);
  return { data, outside, link };
}

describe('writes below a data directory', () => {
  it.each([
    ['a checkpoint in a linked session directory', 'sessions/ses_x', 'sessions/ses_x/checkpoint.json'],
    ['a rewind blob in a linked snapshots/', 'sessions/ses_x/snapshots', 'sessions/ses_x/snapshots/ab'],
    ['a lock in a linked locks/', 'locks', 'locks/ses_x.lock'],
    ['a session in a linked sessions/', 'sessions', 'sessions/ses_y/session_metadata.json'],
  ])('%s is refused naming the link', async (_name, linkAt, file) => {
    const { data, outside, link } = await linkedData(linkAt);
    await expect(writeDurably(join(data, file), '{}')).rejects.toThrow(`${link} is a symbolic link`);
    await expect(makeDirectories(join(data, file, '..'))).rejects.toThrow(`${link} is a symbolic link`);
    expect(await readdir(outside)).toEqual([]);
  });

  it('removing a checkpoint through a linked session directory is refused, the file outside kept', async () => {
    const { data, outside, link } = await linkedData('sessions/ses_x');
    await writeFile(join(outside, 'checkpoint.json'), 'kept');
    await expect(new DurableFile(join(data, 'sessions/ses_x/checkpoint.json')).remove()).rejects.toThrow(`${link} is a symbolic link`);
    expect(await readdir(outside)).toEqual(['checkpoint.json']);
  });

  it('the data directory itself may be a link, and a path outside every data directory is not checked', async () => {
    const root = await tempDir('bakeoff-links-');
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'data'));
    dataLayout(join(root, 'data'));
    await writeDurably(join(root, 'data', 'sessions', 'ses_x', 'session_metadata.json'), '{}');
    await appendPromptHistory(join(root, 'data', 'prompt_history.jsonl'), 'hi');
    expect((await readdir(join(root, 'real'))).sort()).toEqual(['prompt_history.jsonl', 'sessions']);
    await symlink(join(root, 'real'), join(root, 'elsewhere'));
    await writeDurably(join(root, 'elsewhere', 'x.json'), '{}');
  });
});

// A directory inside the data directory that is a symbolic link to a directory elsewhere (a repository can
// ship `data/` so): bakeoff never writes there. Writes are refused with one line naming the link; a linked
// session is skipped in listings with a note. Real links to a real temp dir, checked empty afterwards.
import { cp, mkdir, readFile, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A } from './fixture-ids.js';
import { workspace } from './run-workspace.js';

beforeAll(assertBuilt);

/** Every file and directory under `dir`, relative. */
async function everything(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true })).map(String).sort();
}

/** A directory outside the data directory, holding `seed` (to see it is neither written nor moved). */
async function outsideDir(): Promise<string> {
  const dir = await tempDir('bakeoff-outside-');
  await mkdir(join(dir, 'keep'));
  return dir;
}

describe('a linked directory inside the data directory', () => {
  it('`bakeoff run` with data/sessions a link: refused with one line naming it, nothing written outside', async () => {
    const ws = await workspace();
    const outside = await outsideDir();
    await mkdir(ws.data, { recursive: true });
    await symlink(outside, join(ws.data, 'sessions'));
    const { code, stderrLines } = await ws.run(['-m', 'demo/alpha', '--pick', 'demo/alpha', 'write a.txt: x']);
    expect(code).toBe(1);
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toBe(`bakeoff: ${join(ws.data, 'sessions')} is a symbolic link, and bakeoff never writes through a link inside the data directory`);
    expect(await everything(outside)).toEqual(['keep']);
  }, 30_000);

  it('`bakeoff run --resume` into a session whose snapshots/ is a link: nothing written outside', async () => {
    const ws = await workspace();
    const first = await ws.run(['-m', 'demo/alpha', 'write a.txt: one']);
    expect(first.code).toBe(0);
    const [id] = await ws.sessionIds();
    const outside = await outsideDir();
    await symlink(outside, join(ws.data, 'sessions', id, 'snapshots'));
    await writeFile(join(ws.project, 'a.txt'), 'before');
    const { code, stderrLines } = await ws.run(['-m', 'demo/alpha', '--resume', id, '--pick', 'demo/alpha', 'write a.txt: two']);
    expect(code).toBe(1);
    expect(stderrLines).toEqual([`bakeoff: ${join(ws.data, 'sessions', id, 'snapshots')} is a symbolic link, and bakeoff never writes through a link inside the data directory`]);
    expect(await everything(outside)).toEqual(['keep']);
    // refused before the run: the project is as it was
    expect(await readFile(join(ws.project, 'a.txt'), 'utf8')).toBe('before');
  }, 30_000);

  it('a session directory that is a link is skipped by `sessions` with a note, and rename/fork/delete refuse it by name', async () => {
    const data = await copyErrataFixture();
    const outside = await outsideDir();
    // the session's real directory is moved outside, a link left in its place
    await rename(join(data, 'sessions', SESSION_A), join(outside, SESSION_A));
    await symlink(join(outside, SESSION_A), join(data, 'sessions', SESSION_A));
    const before = await everything(outside);

    const listed = await runCli(['sessions', '-d', data]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).not.toContain(SESSION_A);
    expect(listed.stderr).toContain(`skipped session ${SESSION_A}: ${join(data, 'sessions', SESSION_A)} is a symbolic link`);

    for (const args of [['rename', SESSION_A, 'new title'], ['fork', SESSION_A], ['delete', SESSION_A, '--yes']]) {
      const result = await runCli([...args, '-d', data]);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderrLines, args.join(' ')).toEqual([`bakeoff: ${join(data, 'sessions', SESSION_A)} is a symbolic link, and bakeoff never reads or writes a session through one`]);
    }
    expect(await everything(outside)).toEqual(before);
  }, 30_000);

  it.each([
    ['trash', ['delete', SESSION_A, '--yes']],
    ['staging', ['fork', SESSION_A]],
  ])('data/%s a link: `bakeoff %s` is refused naming it, nothing written outside', async (name, args) => {
    const data = await copyErrataFixture();
    const outside = await outsideDir();
    await symlink(outside, join(data, name));
    const result = await runCli([...args, '-d', data]);
    expect(result.code).toBe(1);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderrLines[0]).toContain(`${join(data, name)} is a symbolic link`);
    expect(await everything(outside)).toEqual(['keep']);
    expect(await readdir(join(data, 'sessions'))).toContain(SESSION_A);
  }, 30_000);

  it('`bakeoff stats` and `sessions` refuse a linked data/sessions by name, and write nothing there', async () => {
    const data = await copyErrataFixture();
    const outside = await outsideDir();
    await cp(join(data, 'sessions'), join(outside, 'sessions'), { recursive: true });
    const before = await everything(outside);
    await rename(join(data, 'sessions'), join(data, 'sessions-real'));
    await symlink(join(outside, 'sessions'), join(data, 'sessions'));
    for (const command of ['stats', 'sessions']) {
      const result = await runCli([command, '-d', data]);
      expect(result.code, command).toBe(1);
      expect(result.stderrLines, command).toEqual([`bakeoff: ${join(data, 'sessions')} is a symbolic link, and bakeoff never reads or writes sessions through one`]);
    }
    expect(await everything(outside)).toEqual(before);
  }, 30_000);
});

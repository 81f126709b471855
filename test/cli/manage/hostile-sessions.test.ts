// Session management in a data directory a repository shipped: fork never copies through a link, delete and
// prune check the trash note before moving anything, and a planted session id cannot shadow a title.
// Through the built binary, on sessions `bakeoff run` made.
import { existsSync } from 'node:fs';
import { cp, lstat, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { realWorkspace } from '../../helpers/real-sessions.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { assertBuilt } from '../run-cli.js';

beforeAll(assertBuilt);

/** A file beside the workspace that must never be copied into a session. */
async function outsideFile(): Promise<string> {
  const path = join(await tempDir('bakeoff-outside-'), 'secret.md');
  await writeFile(path, 'THE OUTSIDE SECRET');
  return path;
}

describe('bakeoff fork of a session with linked files', () => {
  it.each(['recipe.md', 'session_content.json', 'session_metadata.json', 'rewind.json'])('a %s that is a symbolic link is refused in one line naming it; no fork is made', async (name) => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one']);
    const secret = await outsideFile();
    const linked = join(ws.sessionDir(id), name);
    if (name !== 'recipe.md') await cp(linked, secret, { force: true });
    await rm(linked, { force: true });
    await symlink(secret, linked);
    const forked = await ws.cli(['fork', id]);
    expect(forked.stderrLines).toEqual([`bakeoff: cannot fork session ${id}: ${linked} is a symbolic link, and bakeoff never copies a session file through one`]);
    expect(forked.code).toBe(1);
    expect(await ws.sessionIds()).toEqual([id]);
    expect(await readdir(join(ws.data, 'staging')).catch(() => [])).toEqual([]);
  });

  it('a plain recipe.md is still copied', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one']);
    const forked = await ws.cli(['fork', id, '--json']);
    expect(forked.code).toBe(0);
    const forkId = (JSON.parse(forked.stdout) as { session_id: string }).session_id;
    expect(await readFile(join(ws.sessionDir(forkId), 'recipe.md'), 'utf8')).toBe(await readFile(join(ws.sessionDir(id), 'recipe.md'), 'utf8'));
  });
});

describe('bakeoff delete and prune with a planted trash note', () => {
  it('delete --yes refuses a trash note that is a link, naming it, and moves nothing', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one']);
    const victim = await outsideFile();
    await mkdir(join(ws.data, 'trash'), { recursive: true });
    const note = join(ws.data, 'trash', `${id}.trashed.json`);
    await symlink(victim, note);
    const deleted = await ws.cli(['delete', id, '--yes']);
    expect(deleted.stderrLines).toEqual([`bakeoff: ${note} is a symbolic link, and bakeoff never writes through a link inside the data directory`]);
    expect(deleted.code).toBe(1);
    expect(await ws.sessionIds()).toEqual([id]);
    expect(existsSync(join(ws.data, 'trash', id))).toBe(false);
    expect(await readFile(victim, 'utf8')).toBe('THE OUTSIDE SECRET');
    expect((await lstat(note)).isSymbolicLink()).toBe(true);
  });

  it('prune checks every session before moving any: one planted note stops it, and nothing is trashed', async () => {
    const ws = await realWorkspace();
    const old = await ws.session(['write one.txt: one'], { agoMs: 3 * 86_400_000 });
    const older = await ws.session(['write two.txt: two'], { agoMs: 4 * 86_400_000 });
    await mkdir(join(ws.data, 'trash', `${older}.trashed.json`), { recursive: true });
    const pruned = await ws.cli(['prune', '--older-than', '1d', '--yes']);
    expect(pruned.stderrLines).toEqual([`bakeoff: cannot move session ${older}: ${join(ws.data, 'trash', `${older}.trashed.json`)} is in the way (not a regular file); nothing was moved`]);
    expect(pruned.code).toBe(1);
    expect((await ws.sessionIds()).sort()).toEqual([old, older].sort());
  });
});

describe('a planted session id and a title', () => {
  /** A repository's session directory named `plantedId` (not ses_…), copied from a real one with its id changed. */
  async function plant(ws: Awaited<ReturnType<typeof realWorkspace>>, from: string, plantedId: string): Promise<void> {
    const dir = ws.sessionDir(plantedId);
    await cp(ws.sessionDir(from), dir, { recursive: true });
    await rm(join(dir, 'title.json'), { force: true });
    for (const name of ['session_metadata.json', 'session_content.json']) {
      const path = join(dir, name);
      await writeFile(path, (await readFile(path, 'utf8')).replaceAll(from, plantedId));
    }
  }

  it('rename refuses a title that is an id (or the start of one), in one line', async () => {
    const ws = await realWorkspace();
    const real = await ws.session(['write one.txt: one']);
    await plant(ws, real, 'work3');
    for (const title of ['work3', 'WORK']) {
      const renamed = await ws.cli(['rename', real, title]);
      expect(renamed.stderrLines, title).toHaveLength(1);
      expect(renamed.stderr, title).toMatch(/^bakeoff: title ".*" is the (id|start of the id) of session /);
      expect(renamed.code, title).toBe(1);
    }
    expect(existsSync(join(ws.sessionDir(real), 'title.json'))).toBe(false);
  });

  it('a name that is both a title and an id is ambiguous for show, -r, rewind, fork and delete: both are named, nothing is done', async () => {
    const ws = await realWorkspace();
    const real = await ws.session(['write one.txt: one']);
    expect((await ws.cli(['rename', real, 'work3'])).code).toBe(0);
    // the repository's session appears after the title was given
    await plant(ws, real, 'work3');
    for (const args of [['show', 'work3'], ['run', '-r', 'work3', 'hello'], ['rewind', 'work3'], ['fork', 'work3'], ['delete', 'work3', '--yes']]) {
      const result = await ws.cli(args);
      expect(result.stderrLines, args.join(' ')).toEqual([`bakeoff: "work3" is ambiguous: the title of session ${real} and the id of session work3; name the session by its whole id`]);
      expect(result.code, args.join(' ')).toBe(1);
    }
    expect((await ws.sessionIds()).sort()).toEqual([real, 'work3'].sort());
    expect(existsSync(join(ws.data, 'trash'))).toBe(false);
    // by its whole id the real one is still reachable; and a planted session with the same title is no way round it
    expect((await ws.cli(['show', real])).code).toBe(0);
    await cp(join(ws.sessionDir(real), 'title.json'), join(ws.sessionDir('work3'), 'title.json'));
    expect((await ws.cli(['show', 'work3'])).stderr).toMatch(/"work3" is ambiguous: the title of session .* and the id of session work3/);
  });
});

// `bakeoff delete`, `restore` and `trash`: a session goes to data/trash/ and comes back byte for byte; only
// `trash --empty --yes` deletes for good; a session open in another process is refused. On sessions made by
// `bakeoff run` (one of them held by a real `bakeoff run` still going) and on the Errata fixtures.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataLayout } from '../../../store/index.js';
import { copyErrataFixture } from '../../helpers/fixtures.js';
import { bytesUnder, realWorkspace } from '../../helpers/real-sessions.js';
import { assertBuilt, runCli } from '../run-cli.js';
import { SESSION_A } from '../fixture-ids.js';

beforeAll(assertBuilt);

describe('bakeoff delete and restore on sessions bakeoff run made', () => {
  it('delete → restore round trip: every file back byte for byte (rewind stack, snapshots, redo, title), resumable again', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two', 'write three.txt: three']);
    await ws.cli(['rename', id, 'Round trip']);
    await ws.cli(['rewind', id]);
    const dir = ws.sessionDir(id);
    const before = await bytesUnder(dir);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['/rewind.json', '/redo.json', '/title.json', '/recipe.md']));
    const statsBefore = (await ws.cli(['stats', '--json'])).stdout;

    expect((await ws.cli(['delete', 'Round trip'])).code).toBe(2);
    expect(await ws.sessionIds()).toEqual([id]);
    expect((await ws.cli(['delete', 'Round trip', '--yes'])).code).toBe(0);
    expect(await ws.sessionIds()).toEqual([]);
    expect((await readdir(join(ws.data, 'trash'))).sort()).toEqual([id, `${id}.trashed.json`]);
    expect((await ws.cli(['trash'])).stdout).toContain(id);
    expect((await ws.cli(['sessions', '--search', 'three'])).stdout).toBe('no session holds "three"\n');
    // stats never count a trashed session
    expect(JSON.parse((await ws.cli(['stats', '--json'])).stdout)).not.toEqual(JSON.parse(statsBefore));

    expect((await ws.cli(['restore', 'Round trip'])).code).toBe(0);
    expect(await bytesUnder(dir)).toEqual(before);
    expect((await ws.cli(['stats', '--json'])).stdout).toBe(statsBefore);
    expect((await ws.cli(['redo', id])).code).toBe(0);
    expect(await ws.record('write four.txt: four', { session: id })).toEqual({ sessionId: id, run: 4 });
  });

  it('refuses a session a running `bakeoff run` holds, naming the process, and moves nothing; after it ends, deletes', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two']);
    const held = await ws.startHeldRun('write held.txt: held', id, 100);
    const openIn = `session ${id} is open in process ${held.pid}`;
    for (const args of [['delete', id, '--yes'], ['rename', id, 'held'], ['rewind', id]]) {
      const refused = await ws.cli(args);
      expect(refused.code, args.join(' ')).toBe(1);
      expect(refused.stderrLines[0], args.join(' ')).toContain(openIn);
    }
    expect(await ws.sessionIds()).toEqual([id]);
    expect(await held.finished).toBe(0);
    expect((await ws.cli(['delete', id, '--yes'])).code).toBe(0);
    expect(await ws.sessionIds()).toEqual([]);
  });
});

describe('bakeoff delete, restore, trash on the Errata fixtures', () => {
  it('delete → restore gives an Errata session back byte for byte; stats leave it out while trashed', async () => {
    const data = await copyErrataFixture();
    const dir = join(dataLayout(data).sessions, SESSION_A);
    const before = await bytesUnder(dir);
    const statsBefore = (await runCli(['stats', '--json'], { dataDir: data })).stdout;
    const refused = await runCli(['delete', SESSION_A], { dataDir: data });
    expect(refused.code).toBe(2);
    expect(await readdir(dataLayout(data).sessions)).toContain(SESSION_A);
    expect((await runCli(['delete', SESSION_A, '--yes'], { dataDir: data })).code).toBe(0);
    expect(await readdir(dataLayout(data).sessions)).not.toContain(SESSION_A);
    expect((await runCli(['stats', '--json'], { dataDir: data })).stdout).not.toBe(statsBefore);
    expect((await runCli(['trash'], { dataDir: data })).stdout).toContain(SESSION_A);
    expect((await runCli(['restore', SESSION_A.slice(0, 30)], { dataDir: data })).code).toBe(0);
    expect(await bytesUnder(dir)).toEqual(before);
    expect((await runCli(['stats', '--json'], { dataDir: data })).stdout).toBe(statsBefore);
  });

  it('trash --empty deletes for good only with a yes, and --older-than spares the recent ones', async () => {
    const data = await copyErrataFixture();
    await runCli(['delete', SESSION_A, '--yes'], { dataDir: data });
    expect((await runCli(['trash', '--empty'], { dataDir: data })).code).toBe(2);
    expect((await runCli(['trash', '--empty', '--older-than', '1d', '--yes'], { dataDir: data })).stdout).toBe('nothing to delete\n');
    expect((await runCli(['trash', '--empty', '--yes'], { dataDir: data })).stdout).toBe('Deleted 1 session(s) for good\n');
    expect(await readdir(dataLayout(data).trash)).toEqual([]);
    expect((await runCli(['restore', SESSION_A], { dataDir: data })).code).toBe(1);
  });
});

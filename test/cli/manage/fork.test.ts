// `bakeoff fork`: a new session holding the source's runs, histories and recipe up to a run; the source is only
// read. On sessions made by `bakeoff run` and on the Errata fixtures.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionContent, SessionMetadata } from '../../../store/index.js';
import { copyErrataFixture } from '../../helpers/fixtures.js';
import { bytesUnder, realWorkspace } from '../../helpers/real-sessions.js';
import { assertBuilt, runCli } from '../run-cli.js';

beforeAll(assertBuilt);

const HEAD = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';

const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

describe('bakeoff fork on a session bakeoff run made', () => {
  it('forks at a run: runs and histories cut there, the recipe along, no rewind stack; the source byte for byte as it was', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two', 'write three.txt: three']);
    const source = ws.sessionDir(id);
    const before = await bytesUnder(source);
    const forked = await ws.cli(['fork', id, '--at', '2', '--json']);
    expect(forked.code).toBe(0);
    const { session_id: forkId, runs } = JSON.parse(forked.stdout) as { session_id: string; runs: number };
    expect(runs).toBe(2);
    expect(forkId).not.toBe(id);
    expect(await bytesUnder(source)).toEqual(before);

    const fork = ws.sessionDir(forkId);
    const meta = await readJson<SessionMetadata>(join(fork, 'session_metadata.json'));
    expect(meta.id).toBe(forkId);
    expect(meta.runs.map((r) => r.prompt_preview)).toEqual(['write one.txt: one', 'write two.txt: two']);
    const content = await readJson<SessionContent>(join(fork, 'session_content.json'));
    const sourceContent = await readJson<SessionContent>(join(source, 'session_content.json'));
    expect(content.runs).toEqual(sourceContent.runs.slice(0, 2));
    for (const model of ['demo/alpha', 'demo/beta']) expect(content.histories[model]).toEqual(sourceContent.histories[model].slice(0, 4));
    expect(await readFile(join(fork, 'recipe.md'), 'utf8')).toBe(await readFile(join(source, 'recipe.md'), 'utf8'));
    // the project's files are not the fork's to restore
    expect(existsSync(join(fork, 'rewind.json'))).toBe(false);
    expect(existsSync(join(fork, 'snapshots'))).toBe(false);
    expect((await ws.cli(['rewind', forkId])).code).toBe(1);

    // the fork goes on by itself, and the source stays as it was
    expect(await ws.record('write four.txt: four', { session: forkId })).toEqual({ sessionId: forkId, run: 3 });
    expect(await bytesUnder(source)).toEqual(before);
  });

  it('forks the whole session by default, and a run it does not have is an error that names it', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two']);
    const forked = await ws.cli(['fork', id]);
    expect(forked.code).toBe(0);
    const forkId = forked.stdout.split('\n')[0];
    expect(JSON.parse((await ws.cli(['show', forkId, '--json'])).stdout).runs).toEqual(JSON.parse((await ws.cli(['show', id, '--json'])).stdout).runs);
    // a run it does not have is a bad --at (exit 2, as rewind's --to); so is one that is not a run number
    const missing = await ws.cli(['fork', id, '--at', '3']);
    expect(missing).toMatchObject({ code: 2, stderrLines: [`bakeoff: --at: session ${id} has runs #1 to #2; there is no run #3`] });
    for (const [at, line] of [
      ['abc', 'bakeoff: --at must be a run number (got "abc")'],
      ['1.5', 'bakeoff: --at must be a run number (got "1.5")'],
      ['0', 'bakeoff: --at must be a run number from 1 (got "0")'],
    ]) {
      expect(await ws.cli(['fork', id, '--at', at]), at).toMatchObject({ code: 2, stdout: '', stderrLines: [line] });
    }
  });
});

describe('bakeoff fork on the Errata fixtures', () => {
  it('forks an Errata session whole by default, the source byte for byte as it was', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const source = join(data, 'sessions', HEAD);
    const before = await bytesUnder(source);
    const forked = await runCli(['fork', HEAD], { dataDir: data });
    expect(forked.code).toBe(0);
    const forkId = forked.stdout.split('\n')[0];
    const shown = await runCli(['show', forkId, '--json'], { dataDir: data });
    const original = JSON.parse((await runCli(['show', HEAD, '--json'], { dataDir: data })).stdout);
    expect(JSON.parse(shown.stdout).runs).toEqual(original.runs);
    expect(await bytesUnder(source)).toEqual(before);
  });

  it('forks an Errata session at a run and `bakeoff run` continues the fork', async () => {
    const ws = await realWorkspace({ data: await copyErrataFixture('errata-head-data') });
    const forked = JSON.parse((await ws.cli(['fork', HEAD, '--at', '1', '--json'])).stdout) as { session_id: string; runs: number };
    expect(forked.runs).toBe(1);
    expect(await ws.record('write e.txt: after the fork', { session: forked.session_id })).toEqual({ sessionId: forked.session_id, run: 2 });
  });
});

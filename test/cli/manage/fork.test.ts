// `bakeoff fork`: a new session holding the source's runs, histories and recipe up to a run; the source is only
// read. On sessions made by `bakeoff run` and on the Errata fixtures.
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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

describe('bakeoff fork --at: the recipe of that run', () => {
  it('a fork at run 1 gets the recipe run 1 ran with (its limits and models), not the source recipe.md of today', async () => {
    const ws = await realWorkspace();
    const first = await ws.run(['-m', 'demo/alpha', '--json', 'first']);
    expect(first.code).toBe(0);
    const id = (JSON.parse(first.stdout) as { session_id: string }).session_id;
    const firstRecipe = await readFile(join(ws.sessionDir(id), 'recipe.md'), 'utf8');
    expect((await ws.run(['-r', id, '--timeout', '2m', '-m', 'demo/alpha,demo/beta', '--json', 'second'])).code).toBe(0);
    expect(await readFile(join(ws.sessionDir(id), 'recipe.md'), 'utf8')).toContain('timeout: 2m0s');

    const forked = await ws.cli(['fork', id, '--at', '1', '--json']);
    expect(forked.code).toBe(0);
    const forkId = (JSON.parse(forked.stdout) as { session_id: string }).session_id;
    const recipe = await readFile(join(ws.sessionDir(forkId), 'recipe.md'), 'utf8');
    // run 1's recipe (rebuilt from its snapshot in recipes.json: the same settings, tools in Errata's order)
    expect(recipe).not.toMatch(/^timeout: 2m0s$/m);
    expect(recipe).toMatch(/^timeout: 5m0s$/m);
    expect(recipe).not.toContain('demo/beta');
    expect(recipe.split('\n').sort()).toEqual(firstRecipe.split('\n').sort());
    // the fork's next run runs what run 1 ran, under run 1's hash
    const next = await ws.run(['-r', forkId, '--json', 'third']);
    expect(next.code).toBe(0);
    expect((JSON.parse(next.stdout) as { responses: { model: string }[] }).responses.map((r) => r.model)).toEqual(['demo/alpha']);
    const runs = (await ws.metadata(forkId)).runs;
    expect(runs[1].config_hash).toBe(runs[0].config_hash);
  });

  it('a fork at a run whose recipe is not in recipes.json is refused with one line, and nothing is written', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['first', 'second']);
    const hash = (await ws.metadata(id)).runs[0].config_hash;
    await writeFile(join(ws.data, 'recipes.json'), '{}\n');
    const before = await ws.sessionIds();
    const refused = await ws.cli(['fork', id, '--at', '1']);
    expect(refused).toMatchObject({
      code: 1,
      stderrLines: [`bakeoff: cannot fork session ${id} at run #1: the recipe it ran with is not known (data/recipes.json does not hold its recipe ${hash}); nothing was written`],
    });
    expect(await ws.sessionIds()).toEqual(before);
    expect(await readdir(join(ws.data, 'staging')).catch(() => [])).toEqual([]);
  });
});

describe('a fork does not count its copied runs again', () => {
  it('stats over a session forked twice count its pick once, and the fork notes which runs are copies', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one']);
    const stats = async () => JSON.parse((await ws.cli(['stats', '--json'])).stdout) as { models: Record<string, { wins: number; participations: number; avg_cost_usd: number }> };
    const before = await stats();
    expect(before.models['demo/alpha']).toMatchObject({ wins: 1, participations: 1 });
    const forks: string[] = [];
    for (let i = 0; i < 2; i++) forks.push((JSON.parse((await ws.cli(['fork', id, '--json'])).stdout) as { session_id: string }).session_id);
    expect(await stats()).toEqual(before);
    expect(await readJson(join(ws.sessionDir(forks[0]), 'fork.json'))).toEqual({ version: 1, forked_from: id, inherited_runs: 1 });
    // a fork of a fork too; the fork's own runs count
    const grandchild = (JSON.parse((await ws.cli(['fork', forks[0], '--json'])).stdout) as { session_id: string }).session_id;
    expect(await stats()).toEqual(before);
    await ws.record('write two.txt: two', { session: grandchild });
    expect((await stats()).models['demo/alpha']).toMatchObject({ wins: 2, participations: 2 });
    expect(JSON.parse((await ws.cli(['stats', '--session', grandchild, '--json'])).stdout).models['demo/alpha']).toMatchObject({ wins: 1, participations: 1 });
  });

  it('a fork note that does not fit its session is ignored with a warning naming it: every run counts', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one']);
    const note = join(ws.sessionDir(id), 'fork.json');
    await writeFile(note, JSON.stringify({ version: 1, forked_from: 'ses_other', inherited_runs: 5 }));
    const stats = await ws.cli(['stats', '--json']);
    expect(stats.code).toBe(0);
    expect(JSON.parse(stats.stdout).models['demo/alpha']).toMatchObject({ wins: 1 });
    expect(stats.stderrLines).toEqual([`bakeoff: warning: ignoring ${note} (it counts 5 copied runs and the session has 1): every run of session ${id} counts in stats`]);
    // a link is never followed (the note is read with the runs: the cached sums are dropped to read it again)
    await rm(note);
    await rm(join(ws.data, 'stats-cache.json'));
    const elsewhere = join(ws.project, 'note.json');
    await writeFile(elsewhere, JSON.stringify({ version: 1, forked_from: 'ses_other', inherited_runs: 1 }));
    await symlink(elsewhere, note);
    const linked = await ws.cli(['stats', '--json']);
    expect(JSON.parse(linked.stdout).models['demo/alpha']).toMatchObject({ wins: 1 });
    expect(linked.stderrLines).toEqual([`bakeoff: warning: ignoring ${note} (it is a symbolic link, and bakeoff never follows one): every run of session ${id} counts in stats`]);
  });
});

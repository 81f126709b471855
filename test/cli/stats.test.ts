import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B, SESSION_CORRUPT, expected } from './fixture-ids.js';

beforeAll(assertBuilt);

type StatsJson = { models: Record<string, Record<string, number>> };


const statsKeys = [
  'wins', 'losses', 'thumbs_down', 'participations', 'win_rate', 'loss_rate', 'bad_rate', 'avg_latency_ms',
  'avg_cost_usd', 'avg_input_tokens', 'avg_output_tokens', 'avg_tool_calls', 'avg_proposed_writes', 'rating',
  'cost_per_win_usd', 'latency_ms',
];

describe('bakeoff stats', () => {
  it('--json reproduces the fixture stats across all sessions (rewound run left out), keys in the documented order', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderrLines } = await runCli(['stats', '--json'], { dataDir: data });
    expect(code).toBe(0);
    const { models } = JSON.parse(stdout) as StatsJson;
    expect(Object.keys(models)).toEqual(Object.keys(expected.stats_all));
    for (const [model, want] of Object.entries(expected.stats_all)) {
      expect(Object.keys(models[model])).toEqual(statsKeys);
      for (const [key, value] of Object.entries(want)) expect(models[model][key], `${model} ${key}`).toBeCloseTo(value, 10);
    }
    expect(stderrLines).toEqual([expect.stringMatching(new RegExp(`^bakeoff: warning: skipped session ${SESSION_CORRUPT}: `))]);
  });

  it('prints the leaderboard, then a table of wins, losses, thumbs-down, runs, win rate and averages', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['stats'], { dataDir: data });
    expect(code).toBe(0);
    const [board, details] = stdout.trimEnd().split('\n\n');
    // one comparison each: too few for a rating
    expect(board.split('\n')[1].trim().split(/\s{2,}/)).toEqual(['claude-sonnet-4-6', '—', '—', '1', '100%', '$0.0466', '3.0 s']);
    const lines = details.split('\n');
    expect(lines[0].split(/\s{2,}/)).toEqual(['MODEL', 'WINS', 'LOSSES', 'THUMBS DOWN', 'RUNS', 'WIN RATE', 'AVG LATENCY', 'AVG COST', 'AVG IN TOKENS', 'AVG OUT TOKENS']);
    expect(lines[1].split(/\s{2,}/)).toEqual(['claude-sonnet-4-6', '2', '0', '0', '2', '100%', '7.9 s', '$0.0466', '5,100', '450']);
    expect(lines[2].split(/\s{2,}/)).toEqual(['gpt-4.1', '0', '1', '1', '2', '0%', '9.9 s', '$0.0206', '4,900', '350']);
  });

  it('--session counts one session only (a prefix works)', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderr } = await runCli(['stats', '--session', SESSION_B, '--json'], { dataDir: data });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const { models } = JSON.parse(stdout) as StatsJson;
    expect(Object.keys(models)).toEqual(['claude-sonnet-4-6']);
    expect(models['claude-sonnet-4-6']).toMatchObject({ wins: 1, participations: 1, win_rate: 100, avg_latency_ms: 3000 });
  });

  it('--recipe counts the runs recorded under every hash of that recipe name', async () => {
    const data = await copyErrataFixture();
    // a second snapshot with the same name: runs under either hash count, once each
    const recipes = join(data, 'recipes.json');
    const second = 'rcp_v1_' + 'f'.repeat(64);
    const store = { [expected.recipe_hashes[0]]: { version: 1, name: 'Go Review' }, [second]: { version: 1, name: 'Go Review' }, [expected.recipe_hashes[1]]: { name: 'default' } };
    await writeFile(recipes, JSON.stringify(store, null, 2));
    const metadataPath = join(data, 'sessions', SESSION_B, 'session_metadata.json');
    const metadata = JSON.parse(await readFile(metadataPath, 'utf8')) as { runs: { config_hash?: string }[] };
    metadata.runs[0].config_hash = second;
    await writeFile(metadataPath, JSON.stringify(metadata));

    const { code, stdout } = await runCli(['stats', '--recipe', 'Go Review', '--json'], { dataDir: data });
    expect(code).toBe(0);
    const { models } = JSON.parse(stdout) as StatsJson;
    // session a's runs 1 and 2 (run 3 is rewound) and session b's run
    expect(models['claude-sonnet-4-6']).toMatchObject({ wins: 2, participations: 2, avg_latency_ms: (12804 + 3000) / 2 });
    expect(models['gpt-4.1']).toMatchObject({ losses: 1, thumbs_down: 1, participations: 2 });
    expect(models['claude-sonnet-4-6'].avg_cost_usd).toBeCloseTo(expected.stats_all['claude-sonnet-4-6'].avg_cost_usd, 12);
  });

  it('--recipe with --session narrows to both', async () => {
    const data = await copyErrataFixture();
    const { code, stdout } = await runCli(['stats', '--recipe', 'Go Review', '--session', SESSION_B, '--json'], { dataDir: data });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ models: {} });
    const text = await runCli(['stats', '--recipe', 'Go Review', '--session', SESSION_A], { dataDir: data });
    expect(text.stdout).toMatch(/^claude-sonnet-4-6\s+1\s+0\s+0\s+1\s+100%/m);
  });

  it('an unknown recipe name is exit 1 and one line naming it and the known names', async () => {
    const data = await copyErrataFixture();
    const { code, stdout, stderrLines } = await runCli(['stats', '--recipe', 'Nope'], { dataDir: data });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderrLines).toEqual([`bakeoff: no recipe named "Nope" in ${join(data, 'recipes.json')}; known: "Go Review", "default"`]);
  });

  it('an unknown --session is exit 1', async () => {
    const data = await copyErrataFixture();
    const { code, stderrLines } = await runCli(['stats', '--session', 'ses_zzz'], { dataDir: data });
    expect(code).toBe(1);
    expect(stderrLines).toEqual([expect.stringMatching(/^bakeoff: no session matches "ses_zzz"/)]);
  });

  it('says when there is nothing to count', async () => {
    const data = await copyErrataFixture();
    const { stdout } = await runCli(['stats', '--session', SESSION_A, '--recipe', 'default'], { dataDir: data });
    expect(stdout).toBe('no runs to count\n');
  });
});

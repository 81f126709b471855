// The commands on what both Errata versions wrote: a data directory holding sessions of both, whose
// recipes.json mixes snapshot objects and markdown, is read without setting anything aside, and
// `stats --recipe <name>` counts the runs of that recipe under either hash scheme.
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture, fixtureDir } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

type StatsJson = { models: Record<string, Record<string, number>> };

/** The newest fixture with the 4b0b74b fixture's sessions added and both recipes.json merged into one. */
async function bothVersions(): Promise<string> {
  const data = await copyErrataFixture('errata-head-data');
  const old = join(fixtureDir('errata-4b0b74b-data'), 'data');
  for (const id of await readdir(join(old, 'sessions'))) await cp(join(old, 'sessions', id), join(data, 'sessions', id), { recursive: true });
  const recipes = { ...JSON.parse(await readFile(join(data, 'recipes.json'), 'utf8')), ...JSON.parse(await readFile(join(old, 'recipes.json'), 'utf8')) } as object;
  await writeFile(join(data, 'recipes.json'), JSON.stringify(recipes, null, 2));
  return data;
}

describe('commands over both Errata versions', () => {
  it('stats --recipe counts the runs of a name under its rcp_ and its rcp_v1_ hash', async () => {
    const data = await bothVersions();
    const both = await runCli(['stats', '--recipe', 'Go Review', '--json'], { dataDir: data });
    expect(both).toMatchObject({ code: 0, stderr: '' });
    const { models } = JSON.parse(both.stdout) as StatsJson;
    // each version's session 2 has three runs with demo/alpha and three with demo/beta
    expect(models['demo/alpha'].participations).toBe(6);
    expect(models['demo/beta'].participations).toBe(6);
    expect(models['demo/alpha'].wins).toBe(4);
    const unicode = JSON.parse((await runCli(['stats', '--recipe', 'Ünïcode <Recipe> & 🍰', '--json'], { dataDir: data })).stdout) as StatsJson;
    expect(unicode.models['demo/gamma'].participations).toBe(4);
  });

  it('lists every session of both and never sets the mixed recipes.json aside', async () => {
    const data = await bothVersions();
    const before = await readFile(join(data, 'recipes.json'), 'utf8');
    const { code, stdout, stderr } = await runCli(['sessions', '--json'], { dataDir: data });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as { sessions: unknown[] }).sessions).toHaveLength(6);
    const shown = await runCli(['show', 'ses_01a2333f-f621'], { dataDir: data });
    expect(shown.stdout).toContain('Recipe       Go Review (rcp_4da5b28c4cc1dd7');
    expect(await readFile(join(data, 'recipes.json'), 'utf8')).toBe(before);
    expect((await readdir(data)).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('show --json prints the values the file holds: a Go null stays null', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const id = 'ses_01a2333f-f621-741a-a507-42e7cd611836';
    const path = join(data, 'sessions', id, 'session_metadata.json');
    const meta = JSON.parse(await readFile(path, 'utf8')) as { runs: Record<string, unknown>[] };
    meta.runs[0].tool_calls = { 'demo/alpha': null, 'demo/beta': { read_file: 1 } };
    meta.runs[0].applied_files = null;
    await writeFile(path, JSON.stringify(meta));
    const { code, stdout } = await runCli(['show', '--json', id], { dataDir: data });
    expect(code).toBe(0);
    const printed = JSON.parse(stdout) as { runs: Record<string, unknown>[] };
    expect(printed.runs[0].tool_calls).toEqual({ 'demo/alpha': null, 'demo/beta': { read_file: 1 } });
    expect(printed.runs[0].applied_files).toBeNull();
    expect(printed).toEqual(meta);
  });
});

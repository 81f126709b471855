// Bounded work on any input: a session whose metadata holds a 100 MB first_prompt (and whose content holds the
// 100 MB prompt) is listed cut by `bakeoff sessions` (text and JSON) in a small heap, `--search` finds it and
// shows the hit cut, and a table cell never spreads a whole string.
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, truncate } from '../../src/cli/format.js';
import { loadColumnWidths, renderTable } from '../../src/cli/table.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A } from './fixture-ids.js';

beforeAll(assertBuilt);

const HUGE = 100 * 1024 * 1024;

/** The fixture with SESSION_A's first prompt 100 MB long, in its metadata and its content. */
async function sessionWithHugePrompt(): Promise<string> {
  const data = await copyErrataFixture();
  // kept for the whole file (writing 300 MB per test is most of its time); removed in afterAll
  const keep = join(data, '..', '..', `${basename(join(data, '..'))}-kept`);
  await rename(join(data, '..'), keep);
  kept.push(keep);
  return join(keep, 'data');
}

const kept: string[] = [];
afterAll(async () => {
  await Promise.all(kept.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function writeHugePrompt(data: string): Promise<void> {
  const dir = join(data, 'sessions', SESSION_A);
  const prompt = `huge needle ${'x'.repeat(HUGE)}`;
  const metadata = JSON.parse(await readFile(join(dir, 'session_metadata.json'), 'utf8'));
  metadata.first_prompt = prompt;
  metadata.last_prompt = prompt;
  await writeFile(join(dir, 'session_metadata.json'), JSON.stringify(metadata));
  const content = JSON.parse(await readFile(join(dir, 'session_content.json'), 'utf8'));
  content.runs[0].prompt = prompt;
  await writeFile(join(dir, 'session_content.json'), JSON.stringify(content));
}

describe('a 100 MB field', () => {
  let data: string;
  beforeAll(async () => {
    data = await sessionWithHugePrompt();
    await writeHugePrompt(data);
  }, 60_000);

  it.each([[['sessions']], [['sessions', '--json']]])('is listed cut by `bakeoff %s` within a 128 MB heap', async (args) => {
    const result = await runCli([...args, '-d', data], { env: { NODE_OPTIONS: '--max-old-space-size=128' }, timeoutMs: 20_000 });
    expect(result.stderr).not.toMatch(/heap|FATAL/);
    expect(result.code).toBe(0);
    expect(result.stdout.length).toBeLessThan(20_000);
    expect(result.stdout).toContain('huge needle xxx');
    expect(result.stdout).toContain('x…');
  }, 30_000);

  it('a 100 MB title.json title is ignored, the session listed', async () => {
    await writeFile(join(data, 'sessions', SESSION_A, 'title.json'), JSON.stringify({ version: 1, title: 't'.repeat(HUGE) }));
    const result = await runCli(['sessions', '-d', data], { timeoutMs: 20_000 });
    expect(result.stderr).not.toMatch(/heap|FATAL/);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(SESSION_A);
    expect(result.stdout).not.toContain('ttttt');
    // not a usable title: set aside as every data file that does not parse, with one warning naming it (never printed whole)
    const titleLines = result.stderrLines.filter((line) => line.includes('title.json'));
    expect(titleLines).toHaveLength(1);
    expect(titleLines[0]).toMatch(/^bakeoff: warning: .*title\.json did not parse \(field title: not a usable title\); its bytes are kept in .*title\.json\.corrupt-/);
    expect(result.stderr.length).toBeLessThan(2_000);
    const sessionDir = join(data, 'sessions', SESSION_A);
    for (const name of await readdir(sessionDir)) if (name.startsWith('title.json')) await rm(join(sessionDir, name));
  }, 30_000);

  it('--search finds the session and shows its hit cut around the match', async () => {
    for (const json of [[], ['--json']]) {
      const result = await runCli(['sessions', '--search', 'NEEDLE', ...json, '-d', data], { env: { NODE_OPTIONS: '--max-old-space-size=1024' }, timeoutMs: 30_000 });
      expect(result.stderr).not.toMatch(/heap|FATAL/);
      expect(result.code).toBe(0);
      expect(result.stdout.length).toBeLessThan(20_000);
      expect(result.stdout).toContain(SESSION_A);
      expect(result.stdout).toContain('huge needle xxx');
    }
  }, 60_000);

  it('`bakeoff show` shows it and `bakeoff export` writes it whole, without dying', async () => {
    const shown = await runCli(['show', SESSION_A, '-d', data], { timeoutMs: 30_000 });
    expect(shown.code).toBe(0);
    expect(shown.stdout.length).toBeLessThan(20_000);
    const out = join(data, '..', 'export.md');
    const exported = await runCli(['export', SESSION_A, '-o', out, '-d', data], { timeoutMs: 30_000 });
    expect(exported.code).toBe(0);
    expect((await readFile(out, 'utf8')).length).toBeGreaterThan(HUGE);
  }, 60_000);
});

describe('table helpers read a bounded head', () => {
  beforeAll(loadColumnWidths);
  const huge = 'x'.repeat(50_000_000);

  it('cell and truncate cut a 50 MB string in a few milliseconds', () => {
    // the quickest of three rounds: a loaded machine can stall any one of them (289 ms once, beside other suites)
    const rounds = [0, 1, 2].map(() => {
      const started = performance.now();
      expect(cell(huge, 60)).toBe(`${'x'.repeat(59)}…`);
      expect(truncate(huge, 10)).toBe(`${'x'.repeat(9)}…`);
      // a value whose head is all spaces is still marked as cut
      expect(cell(`${' \n'.repeat(10_000)}tail`, 20)).toBe('…');
      return performance.now() - started;
    });
    expect(Math.min(...rounds)).toBeLessThan(200);
  });

  it('truncate never splits a surrogate pair and counts code points', () => {
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('a😀'.repeat(1000), 4)).toBe('a😀a…');
  });

  it('renderTable measures terminal columns (an emoji or a CJK character is two), so the next column lines up', () => {
    const table = renderTable([{ header: 'A' }, { header: 'B' }], [['😀x', '1'], ['abcd', '2'], ['漢字', '3']]);
    expect(table.split('\n').slice(1, 4)).toEqual(['😀x   1', 'abcd  2', '漢字  3']);
  });

  it('renderTable counts a cell no cut bounded in code points, never segmenting it', () => {
    // not ASCII, so no measure has a shortcut: segmenting 5 M characters into graphemes takes many seconds
    const wide = 'é'.repeat(5_000_000);
    const started = performance.now();
    const table = renderTable([{ header: 'A' }, { header: 'B' }], [[wide, '1']]);
    expect(table.length).toBeGreaterThan(wide.length);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

interface RunSpec {
  models: string[];
  selected?: string;
  at: string;
  blind?: boolean;
  latency?: number;
}

/** A data directory with one session per list of runs, as bakeoff writes them. */
async function dataDirWith(sessions: RunSpec[][]): Promise<string> {
  const data = join(await tempDir('bakeoff-leaderboard-'), 'data');
  for (const [index, runs] of sessions.entries()) {
    const id = `ses_01950000-0000-7000-8000-${String(index).padStart(12, '0')}`;
    await mkdir(join(data, 'sessions', id), { recursive: true });
    const summaries = runs.map((run, r) => ({
      timestamp: run.at,
      prompt_hash: `ph_${index}_${r}`,
      prompt_preview: `prompt ${r}`,
      models: run.models,
      ...(run.selected ? { selected: run.selected } : {}),
      latencies_ms: Object.fromEntries(run.models.map((m) => [m, run.latency ?? 1000])),
      costs_usd: Object.fromEntries(run.models.map((m) => [m, m === 'cheap' ? 0.001 : 0.01])),
      ...(run.blind ? { blind: true } : {}),
    }));
    const meta = { id, created_at: runs[0].at, last_active_at: runs.at(-1)!.at, models: [], prompt_count: runs.length, runs: summaries };
    await writeFile(join(data, 'sessions', id, 'session_metadata.json'), JSON.stringify(meta));
  }
  return data;
}

const repeat = (n: number, run: RunSpec) => Array.from({ length: n }, () => run);
const pair = ['cheap', 'pricey'];

/** cheap beats pricey 12–4, pricey beats rare 2–0 (too few for rare), all in March; April has blind runs. */
async function fixture(): Promise<string> {
  return dataDirWith([
    [...repeat(12, { models: pair, selected: 'cheap', at: '2026-03-02T10:00:00Z', latency: 800 }), ...repeat(4, { models: pair, selected: 'pricey', at: '2026-03-02T11:00:00Z', latency: 2000 })],
    [...repeat(2, { models: ['pricey', 'rare'], selected: 'pricey', at: '2026-03-03T10:00:00Z' })],
    [...repeat(6, { models: pair, selected: 'pricey', at: '2026-04-02T10:00:00Z', blind: true })],
  ]);
}

type Json = { models: Record<string, { rating: { score: number; low: number; high: number; comparisons: number } | null; cost_per_win_usd: number | null; latency_ms: { p50: number | null; p90: number | null } }> };

describe('bakeoff stats: the leaderboard', () => {
  it('ranks by score with intervals, comparisons, win rate, cost per win and median latency; too few comparisons show —', async () => {
    const { code, stdout } = await runCli(['stats', '--since', '2026-03-01', '--json'], { dataDir: await fixture() });
    expect(code).toBe(0);
    const text = await runCli(['stats'], { dataDir: await fixture() });
    const board = text.stdout.split('\n\n')[0].split('\n').map((line) => line.trim().split(/\s{2,}/));
    expect(board[0]).toEqual(['RANK', 'MODEL', 'SCORE', '95% INTERVAL', 'COMPARISONS', 'WIN RATE', 'COST/WIN', 'MEDIAN LATENCY']);
    const { models } = JSON.parse(stdout) as Json;
    // every run: cheap 12 wins and 10 losses against pricey
    expect(board[1][0]).toBe('1');
    expect(board[1][1]).toBe(models.cheap.rating!.score > models.pricey.rating!.score ? 'cheap' : 'pricey');
    expect(board.at(-1)).toEqual(['rare', '—', '—', '2', '0%', '—', '1.0 s']);
    expect(models.rare.rating).toBeNull();
    expect(models.cheap.rating!.comparisons).toBe(22);
    expect(models.cheap.rating!.low).toBeLessThan(models.cheap.rating!.score);
    expect(models.cheap.rating!.high).toBeGreaterThan(models.cheap.rating!.score);
    expect(models.cheap.rating!.score + models.pricey.rating!.score).toBeCloseTo(2000, 6);
    // 22 runs at $0.001 over 12 wins
    expect(models.cheap.cost_per_win_usd).toBeCloseTo((22 * 0.001) / 12, 12);
    expect(models.rare.cost_per_win_usd).toBeNull();
    expect(models.cheap.latency_ms.p50).toBeGreaterThan(800 * 0.98);
    expect(models.cheap.latency_ms.p50).toBeLessThan(800 * 1.02);
  });

  it('--since leaves out older runs; --blind-only rates the blind runs alone', async () => {
    const data = await fixture();
    const april = JSON.parse((await runCli(['stats', '--since', '2026-04-01T00:00:00Z', '--json'], { dataDir: data })).stdout) as Json;
    expect(Object.keys(april.models)).toEqual(['cheap', 'pricey']);
    expect(april.models.pricey.rating!.comparisons).toBe(6);
    expect(april.models.pricey.rating!.score).toBeGreaterThan(1000);
    const blind = JSON.parse((await runCli(['stats', '--blind-only', '--json'], { dataDir: data })).stdout) as Json;
    expect(blind).toEqual(april);
    const march = JSON.parse((await runCli(['stats', '--since', '2026-03-03', '--json'], { dataDir: data })).stdout) as Json;
    expect(Object.keys(march.models)).toEqual(['cheap', 'pricey', 'rare']);
    expect(march.models.rare.rating).toBeNull();
  });

  it('the same data gives the same output, run after run (seeded bootstrap, warm cache or cold)', async () => {
    const data = await fixture();
    const first = await runCli(['stats', '--json'], { dataDir: data });
    const second = await runCli(['stats', '--json'], { dataDir: data });
    expect(second.stdout).toBe(first.stdout);
  });

  it('--format csv prints one row per model in leaderboard order, nulls empty', async () => {
    const { code, stdout } = await runCli(['stats', '--format', 'csv'], { dataDir: await fixture() });
    expect(code).toBe(0);
    const lines = stdout.split('\r\n');
    expect(lines[0]).toBe('rank,model,score,low,high,comparisons,wins,losses,thumbs_down,runs,win_rate,cost_per_win_usd,avg_cost_usd,latency_p50_ms,latency_p90_ms');
    expect(lines[1]).toMatch(/^1,(cheap|pricey),\d+(\.\d+)?,/);
    expect(lines[3]).toMatch(/^,rare,,,,2,0,2,0,2,0,,0\.01,\d+,\d+$/);
    expect(lines.at(-1)).toBe('');
  });

  it('a model id a spreadsheet would read as a formula is quoted and defused', async () => {
    const data = await dataDirWith([repeat(5, { models: ['=HYPERLINK("x")', 'b'], selected: 'b', at: '2026-03-02T10:00:00Z' })]);
    const { stdout } = await runCli(['stats', '--format', 'csv'], { dataDir: data });
    expect(stdout).toContain(`,"'=HYPERLINK(""x"")",`);
  });

  it('a bad --since or --format is a usage error naming the value', async () => {
    const data = await fixture();
    const since = await runCli(['stats', '--since', 'last week'], { dataDir: data });
    expect(since.code).toBe(2);
    expect(since.stderrLines).toEqual(['bakeoff: --since: expected a date (2026-03-01) or an RFC 3339 time, got "last week"']);
    const format = await runCli(['stats', '--format', 'xml'], { dataDir: data });
    expect(format.code).toBe(2);
    expect(format.stderrLines).toEqual([expect.stringMatching(/^bakeoff: --format: expected text, json or csv/)]);
  });
});

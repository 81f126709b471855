import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyErrataFixture, fixtureExpected } from '../helpers/fixtures.js';
import type { RunSummary } from '../../store/schemas.js';
import {
  filterRewound,
  statsAcrossSessions,
  statsToJson,
  summarizeAcrossSessions,
  summarizeDetailedAcrossSessions,
  summarizeRuns,
  summarizeRunsDetailed,
} from '../../store/stats.js';

const CORRUPT_SESSION = 'ses_01950000-0000-7000-8000-0000000000cc';

let tmp: string;

beforeEach(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'bakeoff-stats-'));
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let clock = 0;
/** A run of `models` for prompt `hash`; timestamps increase so the order is the order written. */
function run(hash: string, models: string[], extra: Partial<RunSummary> = {}): RunSummary {
  clock++;
  return { timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString(), prompt_hash: hash, prompt_preview: hash, models, ...extra };
}

function marker(hash: string): RunSummary {
  return run(hash, [], { models: null, prompt_preview: '', type: 'rewind' });
}

async function writeSession(sessionsDir: string, id: string, runs: RunSummary[]): Promise<void> {
  const dir = path.join(sessionsDir, id);
  await mkdir(dir, { recursive: true });
  const ts = runs.at(-1)?.timestamp ?? '2026-01-01T00:00:00.000Z';
  const meta = { id, created_at: ts, last_active_at: ts, prompt_count: runs.length, runs };
  await writeFile(path.join(dir, 'session_metadata.json'), JSON.stringify(meta));
}

describe('stats over the Errata fixture', () => {
  it('reproduces Errata stats_all over every session and skips the corrupt one', async () => {
    const data = await copyErrataFixture();
    const expected = fixtureExpected<{
      stats_all: Record<
        string,
        { wins: number; losses: number; thumbs_down: number; participations: number; win_rate: number; avg_latency_ms: number; avg_cost_usd: number }
      >;
    }>().stats_all;

    const stats = await summarizeDetailedAcrossSessions(path.join(data, 'sessions'));

    expect(Object.keys(stats).sort()).toEqual(Object.keys(expected).sort());
    for (const [model, want] of Object.entries(expected)) {
      const got = statsToJson(stats[model]);
      const { avg_cost_usd: wantCost, ...wantExact } = want;
      const gotExact = {
        wins: got.wins,
        losses: got.losses,
        thumbs_down: got.thumbs_down,
        participations: got.participations,
        win_rate: got.win_rate,
        avg_latency_ms: got.avg_latency_ms,
      };
      expect({ model, ...gotExact }).toEqual({ model, ...wantExact });
      expect(got.avg_cost_usd).toBeCloseTo(wantCost, 10);
    }

    const { skipped } = await statsAcrossSessions(path.join(data, 'sessions'));
    expect(skipped.map((s) => s.id)).toEqual([CORRUPT_SESSION]);
  });
});

describe('filterRewound', () => {
  it('a marker cancels only the nearest older unrewound run with the same hash', () => {
    const first = run('h1', ['a']);
    const other = run('h2', ['a']);
    const second = run('h1', ['a']);
    expect(filterRewound([first, other, second, marker('h1')])).toEqual([first, other]);
  });

  it('two markers cancel two runs, whether stacked or interleaved', () => {
    const [a1, a2] = [run('h1', ['a']), run('h1', ['a'])];
    const keep = run('h2', ['a']);
    expect(filterRewound([keep, a1, a2, marker('h1'), marker('h1')])).toEqual([keep]);
    const [b1, b2] = [run('h1', ['a']), run('h1', ['a'])];
    expect(filterRewound([b1, marker('h1'), keep, b2, marker('h1')])).toEqual([keep]);
  });

  it('a run sent again after the marker is not cancelled', () => {
    const before = run('h1', ['a']);
    const again = run('h1', ['a']);
    expect(filterRewound([before, marker('h1'), again])).toEqual([again]);
  });

  it('a marker with no older run of its hash cancels nothing and is dropped', () => {
    const later = run('h1', ['a']);
    expect(filterRewound([marker('h1'), later])).toEqual([later]);
  });

  it('returns the runs unchanged when there is no marker', () => {
    const runs = [run('h1', ['a']), run('h2', ['b'])];
    expect(filterRewound(runs)).toEqual(runs);
  });

  it('summaries skip the rewound run and the marker', () => {
    const runs = [run('h1', ['a', 'b'], { selected: 'a' }), run('h2', ['a', 'b'], { selected: 'b' }), marker('h2')];
    expect(summarizeRuns(runs)).toEqual({
      a: { wins: 1, losses: 0, thumbsDown: 0, participations: 1 },
      b: { wins: 0, losses: 1, thumbsDown: 0, participations: 1 },
    });
  });

  it('a marker in another session does not cancel runs of this session', async () => {
    const sessions = path.join(tmp, 'sessions');
    await writeSession(sessions, 'ses_1', [run('h1', ['a'], { selected: 'a' })]);
    await writeSession(sessions, 'ses_2', [run('h2', ['a'], { selected: 'a' }), marker('h1')]);
    const stats = await summarizeAcrossSessions(sessions);
    expect(stats.a).toEqual({ wins: 2, losses: 0, thumbsDown: 0, participations: 2 });
  });
});

describe('per-model rules', () => {
  it('a selected model wins, the others lose; a bad rating is a thumbs-down (for all with no selection, for the rated model with one, where Errata counts a win)', () => {
    const runs = [
      run('h1', ['a', 'b', 'c'], { selected: 'a' }),
      run('h2', ['a', 'b'], { rating: 'bad' }),
      run('h3', ['b', 'c'], { rating: 'good' }),
      run('h4', ['c'], { selected: 'c', rating: 'bad' }),
      run('h5', ['a']),
    ];
    expect(summarizeRuns(runs)).toEqual({
      a: { wins: 1, losses: 0, thumbsDown: 1, participations: 3 },
      b: { wins: 0, losses: 1, thumbsDown: 1, participations: 3 },
      c: { wins: 0, losses: 1, thumbsDown: 1, participations: 3 },
    });
  });

  it('a model not in a run does not take part in it', () => {
    const stats = summarizeRuns([run('h1', ['a'], { selected: 'a', latencies_ms: { z: 5 } })]);
    expect(Object.keys(stats)).toEqual(['a']);
  });

  it('averages are over participations, a missing value counting as 0', () => {
    const runs = [
      run('h1', ['a', 'b'], {
        latencies_ms: { a: 100, b: 10 },
        costs_usd: { a: 0.5 },
        input_tokens: { a: 1000 },
        output_tokens: { a: 40 },
        tool_calls: { a: { bash: 2, read_file: 3 } },
        proposed_writes_count: { a: 3 },
      }),
      run('h2', ['a'], { latencies_ms: { a: 300 }, tool_calls: { a: { read_file: 1 } } }),
      run('h3', ['a']),
      run('h4', ['a'], { costs_usd: { a: 0.3 }, input_tokens: { a: 200 }, proposed_writes_count: { a: 1 } }),
    ];
    const a = summarizeRunsDetailed(runs).a;
    expect(a.participations).toBe(4);
    expect(a.avgLatencyMs).toBe(100);
    expect(a.avgCostUsd).toBeCloseTo(0.2, 12);
    expect(a.avgInputTokens).toBe(300);
    expect(a.avgOutputTokens).toBe(10);
    expect(a.avgToolCalls).toBe(1.5);
    expect(a.avgProposedWrites).toBe(1);
  });

  it('rates are percentages of participations', () => {
    const runs = [
      run('h1', ['a', 'b'], { selected: 'a' }),
      run('h2', ['a', 'b'], { selected: 'b' }),
      run('h3', ['a', 'b'], { selected: 'b' }),
      run('h4', ['a'], { rating: 'bad' }),
    ];
    const a = summarizeRunsDetailed(runs).a;
    expect([a.winRate, a.lossRate, a.badRate]).toEqual([25, 50, 25]);
    const b = summarizeRunsDetailed(runs).b;
    expect(b.winRate).toBeCloseTo(200 / 3, 12);
  });

  it('a configHash filter keeps only runs recorded under that hash, and markers still cancel', () => {
    const runs = [
      run('h1', ['a'], { selected: 'a', config_hash: 'rcp_1' }),
      run('h2', ['a'], { selected: 'a', config_hash: 'rcp_2' }),
      run('h3', ['a'], { selected: 'a', config_hash: 'rcp_1' }),
      marker('h3'),
    ];
    expect(summarizeRuns(runs, { configHash: 'rcp_1' }).a.participations).toBe(1);
    expect(summarizeRuns(runs, { configHash: 'rcp_2' }).a.participations).toBe(1);
    expect(summarizeRuns(runs, { configHash: 'rcp_none' })).toEqual({});
    expect(summarizeRuns(runs, { configHash: '' }).a.participations).toBe(2);
  });

  it('a sessionId filter keeps only that session', async () => {
    const sessions = path.join(tmp, 'sessions');
    await writeSession(sessions, 'ses_1', [run('h1', ['a'], { selected: 'a' })]);
    await writeSession(sessions, 'ses_2', [run('h1', ['b'], { rating: 'bad' })]);
    expect(await summarizeAcrossSessions(sessions, { sessionId: 'ses_2' })).toEqual({
      b: { wins: 0, losses: 0, thumbsDown: 1, participations: 1 },
    });
    expect(Object.keys(await summarizeDetailedAcrossSessions(sessions, { sessionId: 'ses_1' }))).toEqual(['a']);
  });

  it('across sessions averages the summed totals, not per-session averages', async () => {
    const sessions = path.join(tmp, 'sessions');
    await writeSession(sessions, 'ses_1', [run('h1', ['a'], { latencies_ms: { a: 100 } })]);
    await writeSession(
      sessions,
      'ses_2',
      [1, 2, 3].map((i) => run(`h${i}`, ['a'], { latencies_ms: { a: 400 }, selected: i === 1 ? 'a' : undefined })),
    );
    const a = (await summarizeDetailedAcrossSessions(sessions)).a;
    expect(a.avgLatencyMs).toBe(325);
    expect(a.winRate).toBe(25);
  });

  it('a missing sessions directory gives empty stats', async () => {
    expect(await statsAcrossSessions(path.join(tmp, 'nope'))).toEqual({ models: {}, skipped: [] });
  });
});

describe('statsToJson', () => {
  it('writes the CLI snake_case keys in order with the same values', () => {
    const stats = summarizeRunsDetailed([
      run('h1', ['a', 'b'], { selected: 'a', latencies_ms: { a: 8 }, costs_usd: { a: 0.25 }, tool_calls: { a: { bash: 1 } } }),
      run('h2', ['a'], { rating: 'bad', input_tokens: { a: 6 }, output_tokens: { a: 4 }, proposed_writes_count: { a: 2 } }),
    ]).a;
    const json = statsToJson(stats);
    expect(Object.keys(json)).toEqual([
      'wins',
      'losses',
      'thumbs_down',
      'participations',
      'win_rate',
      'loss_rate',
      'bad_rate',
      'avg_latency_ms',
      'avg_cost_usd',
      'avg_input_tokens',
      'avg_output_tokens',
      'avg_tool_calls',
      'avg_proposed_writes',
      'rating',
      'cost_per_win_usd',
      'latency_ms',
    ]);
    expect(json).toEqual({
      wins: 1,
      losses: 0,
      thumbs_down: 1,
      participations: 2,
      win_rate: 50,
      loss_rate: 0,
      bad_rate: 50,
      avg_latency_ms: 4,
      avg_cost_usd: 0.125,
      avg_input_tokens: 3,
      avg_output_tokens: 2,
      avg_tool_calls: 0.5,
      avg_proposed_writes: 1,
      // one comparison: too few to rate; its cost is $0.25 over one win, but run 2 has no recorded cost
      rating: null,
      cost_per_win_usd: null,
      latency_ms: { p50: 8, p90: 8 },
    });
  });
});

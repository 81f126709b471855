import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { StatsPanel } from '../../components/StatsPanel.js';
import { forestBar, sharedAxis } from '../../components/forest-plot.js';
import type { StatsFilterView, StatsRow } from '../../components/types.js';
import { renderWithKeys } from './render-with-keys.js';
import { KEY, tick } from './ink-helpers.js';

const row = (modelId: string, rank: number | null, rating: StatsRow['rating'], wins: number, participations: number): StatsRow => ({
  rank,
  modelId,
  rating,
  comparisons: participations,
  wins,
  losses: participations - wins,
  thumbsDown: 0,
  participations,
  winRate: (wins / participations) * 100,
  avgLatencyMs: 1500,
  avgCostUsd: 0.002,
  costPerWinUsd: wins > 0 ? (0.002 * participations) / wins : null,
  latencyP50Ms: 1400,
});

const rated = [
  row('demo/alpha', 1, { score: 1100, low: 1050, high: 1150 }, 8, 10),
  row('demo/beta', 2, { score: 900, low: 850, high: 950 }, 2, 10),
  row('demo/gamma', null, null, 1, 3),
];
const filters: StatsFilterView[] = [
  { hash: '', label: 'every recipe', session: [row('demo/alpha', null, null, 1, 2)], all: rated },
  { hash: 'rcp_v1_aa', label: 'Go fixer (rcp_v1_aa)', session: [row('demo/beta', null, null, 2, 2)], all: [row('demo/beta', null, null, 5, 5)] },
];

describe('StatsPanel', () => {
  it('shows the leaderboard with each interval as a bar on one shared axis; too few comparisons show —', async () => {
    const { stdin, lastFrame } = renderWithKeys(<StatsPanel filters={filters} scope="session" isActive />);
    await tick();
    expect(lastFrame()).toContain('Stats: this session');
    expect(lastFrame()).toMatch(/demo\/alpha\s+—\s+—\s+2\s+50%\s+\$0\.0040\s+1\.4s/);
    stdin.write(KEY.tab);
    await tick();
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Stats: all sessions');
    const lines = frame.split('\n');
    const alpha = lines.find((line) => line.includes('demo/alpha'))!;
    const beta = lines.find((line) => line.includes('demo/beta'))!;
    expect(alpha).toMatch(/1\s+demo\/alpha\s+1100\s+1050–1150/);
    expect(beta).toMatch(/2\s+demo\/beta\s+900\s+850–950/);
    // the same axis: beta's bar ends left of where alpha's begins (no overlap), each with its dot
    expect(beta.lastIndexOf('─')).toBeLessThan(alpha.indexOf('─'));
    expect(alpha).toContain('●');
    expect(lines.find((line) => line.includes('demo/gamma'))).toMatch(/demo\/gamma\s+—\s+—\s+3\s+33%/);
    expect(frame).toMatch(/835\s+1165/); // the axis' ends, 5% beyond the widest interval
    stdin.write(KEY.right);
    await tick();
    expect(lastFrame()).toContain('Go fixer (rcp_v1_aa)');
    expect(lastFrame()).toMatch(/demo\/beta\s+—\s+—\s+5\s+100%/);
  });

  it('starts on all sessions when asked and says when there is nothing to count', () => {
    const frame = render(<StatsPanel filters={[{ hash: '', label: 'every recipe', session: [], all: [] }]} scope="all" isActive={false} />).lastFrame() ?? '';
    expect(frame).toContain('Stats: all sessions');
    expect(frame).toContain('No runs to count.');
  });
});

describe('forest plot', () => {
  it('draws the interval as ─ and the score as ● at their places on the axis', () => {
    const axis = { min: 800, max: 1200 };
    expect(forestBar({ score: 1000, low: 900, high: 1100 }, axis, 9)).toBe('  ──●──  ');
    expect(forestBar({ score: 800, low: 800, high: 800 }, axis, 5)).toBe('●    ');
    expect(sharedAxis([{ low: 900, high: 1100 }, { low: 950, high: 1300 }])).toEqual({ min: 880, max: 1320 });
    expect(sharedAxis([])).toBeNull();
  });

  it('a model id of a million characters from a data file is cut to the column, and the other rows keep their width', async () => {
    const huge = `hostile/${'m'.repeat(1_000_000)}`;
    const view: StatsFilterView[] = [{ hash: '', label: 'every recipe', session: [row(huge, null, null, 1, 2), row('demo/beta', null, null, 1, 2)], all: [] }];
    const { lastFrame } = renderWithKeys(<StatsPanel filters={view} scope="session" isActive />);
    await tick();
    const lines = (lastFrame() ?? '').split('\n');
    expect(lines.some((line) => line.includes('hostile/mmm'))).toBe(true);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(300);
  });
});

import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { StatsPanel } from '../../components/StatsPanel.js';
import type { StatsFilterView, StatsRow } from '../../components/types.js';
import { renderWithKeys } from './render-with-keys.js';
import { KEY, tick } from './ink-helpers.js';

const row = (modelId: string, wins: number, participations: number): StatsRow => ({
  modelId,
  wins,
  losses: participations - wins,
  thumbsDown: 0,
  participations,
  winRate: (wins / participations) * 100,
  avgLatencyMs: 1500,
  avgCostUsd: 0.002,
});

const filters: StatsFilterView[] = [
  { hash: '', label: 'every recipe', session: [row('demo/alpha', 1, 2)], all: [row('demo/alpha', 3, 4)] },
  { hash: 'rcp_v1_aa', label: 'Go fixer (rcp_v1_aa)', session: [row('demo/beta', 2, 2)], all: [row('demo/beta', 5, 5)] },
];

describe('StatsPanel', () => {
  it('shows this session, switches to all sessions with Tab and walks the recipe filter with the arrows', async () => {
    const { stdin, lastFrame } = renderWithKeys(<StatsPanel filters={filters} scope="session" isActive />);
    await tick();
    expect(lastFrame()).toContain('Stats: this session');
    expect(lastFrame()).toMatch(/demo\/alpha\s+1\s+1\s+0\s+2\s+50\s+1\.5s\s+\$0\.0020/);
    stdin.write(KEY.tab);
    await tick();
    expect(lastFrame()).toContain('Stats: all sessions');
    expect(lastFrame()).toMatch(/demo\/alpha\s+3\s+1\s+0\s+4\s+75/);
    stdin.write(KEY.right);
    await tick();
    expect(lastFrame()).toContain('Go fixer (rcp_v1_aa)');
    expect(lastFrame()).toMatch(/demo\/beta\s+5\s+0\s+0\s+5\s+100/);
  });

  it('starts on all sessions when asked and says when there is nothing to count', () => {
    const frame = render(<StatsPanel filters={[{ hash: '', label: 'every recipe', session: [], all: [] }]} scope="all" isActive={false} />).lastFrame() ?? '';
    expect(frame).toContain('Stats: all sessions');
    expect(frame).toContain('No runs to count.');
  });
});

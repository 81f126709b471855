import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { HistoryPanel } from '../../components/HistoryPanel.js';
import type { HistoryTurn } from '../../components/types.js';
import { renderWithKeys } from './render-with-keys.js';
import { KEY, tick } from './ink-helpers.js';

const turns = (model: string, count: number): HistoryTurn[] =>
  Array.from({ length: count }, (_, i) => [
    { role: 'user' as const, content: `prompt ${i}` },
    { role: 'assistant' as const, content: `${model} reply ${i}` },
  ]).flat();

describe('HistoryPanel', () => {
  it("shows the newest turns of one model, scrolls up, and switches model with the arrows", async () => {
    const histories = { 'demo/alpha': turns('alpha', 5), 'demo/beta': turns('beta', 1) };
    const { stdin, lastFrame } = renderWithKeys(<HistoryPanel histories={histories} height={4} isActive />);
    await tick();
    expect(lastFrame()).toContain('History: demo/alpha (1/2, 10 turns)');
    expect(lastFrame()).toContain('model › alpha reply 4');
    expect(lastFrame()).not.toContain('prompt 2');
    stdin.write(KEY.pageUp);
    await tick();
    expect(lastFrame()).toContain('you › prompt 2');
    expect(lastFrame()).not.toContain('alpha reply 4');
    stdin.write(KEY.right);
    await tick();
    expect(lastFrame()).toContain('History: demo/beta (2/2, 2 turns)');
    expect(lastFrame()).toContain('you › prompt 0');
    expect(lastFrame()).toContain('model › beta reply 0');
  });

  it('says when there is no conversation', () => {
    expect(render(<HistoryPanel histories={{}} isActive={false} />).lastFrame()).toContain('No conversation yet.');
  });
});

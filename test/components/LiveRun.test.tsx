import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../components/LiveRun.js';
import type { LiveModel, LiveRun as LiveRunState } from '../../src/runs/types.js';

const model = (modelId: string, text: string): LiveModel => ({
  modelId,
  status: 'running',
  text,
  events: [],
  startedAt: 0,
  elapsedMs: 100,
  inputTokens: 1,
  outputTokens: 2,
  costUsd: 0,
  proposedWrites: [],
});

const run: LiveRunState = { prompt: 'hello there', models: [model('demo/alpha', 'alpha says hi'), model('demo/beta', 'beta says hi')] };

describe('LiveRun', () => {
  it('puts one panel per model side by side when the terminal is wide', () => {
    const frame = render(<LiveRun run={run} verbose={false} columns={100} />).lastFrame() ?? '';
    expect(frame).toContain('> hello there');
    const line = frame.split('\n').find((l) => l.includes('demo/alpha')) ?? '';
    expect(line).toContain('demo/beta');
  });

  it('stacks the panels when the terminal is narrow', () => {
    const frame = render(<LiveRun run={run} verbose={false} columns={50} />).lastFrame() ?? '';
    const line = frame.split('\n').find((l) => l.includes('demo/alpha')) ?? '';
    expect(line).not.toContain('demo/beta');
    expect(frame.indexOf('demo/alpha')).toBeLessThan(frame.indexOf('demo/beta'));
    expect(frame).toContain('beta says hi');
  });

  it("ticks a running model's elapsed time while no event arrives", async () => {
    const waiting: LiveRunState = { prompt: 'slow', models: [{ ...model('demo/alpha', ''), startedAt: Date.now() - 6000, elapsedMs: 71 }] };
    const view = render(<LiveRun run={waiting} verbose={false} columns={100} />);
    expect(view.lastFrame()).toMatch(/running 6\.0s/);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(view.lastFrame()).toMatch(/running 7\.\ds/);
    view.unmount();
  });

  it("shows every line of a multi-line prompt, the later ones indented under the first", () => {
    const frame = render(<LiveRun run={{ ...run, prompt: 'first line\nsecond line' }} verbose={false} columns={100} />).lastFrame() ?? '';
    expect(frame).toContain('> first line\n  second line');
  });
});

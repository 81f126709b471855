import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { ModelPanel } from '../../components/ModelPanel.js';
import type { LiveModel } from '../../src/runs/types.js';

const model: LiveModel = {
  modelId: 'demo/alpha',
  status: 'running',
  text: 'line one\nline two\nline three\nline four\nline five',
  events: [
    { type: 'reading', data: 'main.go' },
    { type: 'writing', data: 'main_test.go' },
    { type: 'text', data: 'line one' },
    { type: 'error', data: 'bash: exit 1' },
  ],
  startedAt: 0,
  elapsedMs: 2500,
  inputTokens: 120,
  outputTokens: 45,
  costUsd: null,
  proposedWrites: [{ path: 'main.go', content: 'x' }],
};

describe('ModelPanel', () => {
  it('shows status, elapsed time, tokens, cost ("?" when unknown) and the latest events and text', () => {
    const frame = render(<ModelPanel model={model} verbose={false} width={60} />).lastFrame() ?? '';
    expect(frame).toContain('demo/alpha');
    expect(frame).toMatch(/running 2\.5s · 120→45 tok · \? · 1 write/);
    expect(frame).toContain('reading: main.go');
    expect(frame).toContain('error: bash: exit 1');
    expect(frame).toContain('line five');
    expect(frame).not.toContain('line one');
  });

  it('shows every event when verbose', () => {
    const frame = render(<ModelPanel model={model} verbose width={60} />).lastFrame() ?? '';
    expect(frame).toContain('text: line one');
    expect(frame).toContain('writing: main_test.go');
  });

  it('shows a failed model with its error and cost', () => {
    const failed: LiveModel = { ...model, status: 'failed', costUsd: 0.5, error: 'context overflow', events: [], text: '' };
    const frame = render(<ModelPanel model={failed} verbose={false} width={60} />).lastFrame() ?? '';
    expect(frame).toMatch(/failed .*\$0\.5000/);
    expect(frame).toContain('context overflow');
  });

  it("shows a failed model's error once, not as an event and again under it", () => {
    const failed: LiveModel = { ...model, status: 'failed', error: 'connection refused', events: [{ type: 'error', data: 'connection refused' }], text: '' };
    const frame = render(<ModelPanel model={failed} verbose={false} width={60} />).lastFrame() ?? '';
    expect(frame.split('connection refused')).toHaveLength(2);
  });

  it('marks tokens and cost as estimates (~) until the endpoint reports its usage', () => {
    const live: LiveModel = { ...model, costUsd: 0.0001, estimated: true };
    expect(render(<ModelPanel model={live} verbose={false} width={60} />).lastFrame()).toMatch(/running 2\.5s · ~120→45 tok · ~\$0\.0001/);
    const reported: LiveModel = { ...live, status: 'done', estimated: false, inputTokens: 6, outputTokens: 13 };
    expect(render(<ModelPanel model={reported} verbose={false} width={60} />).lastFrame()).toMatch(/done 2\.5s · 6→13 tok · \$0\.0001/);
  });
});

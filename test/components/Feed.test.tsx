import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Feed } from '../../components/Feed.js';
import type { FeedItem } from '../../components/types.js';

const run: FeedItem = {
  kind: 'run',
  key: 'r1',
  prompt: 'fix the bug in main.go',
  feedIndex: 0,
  note: 'Applied: main.go',
  models: [
    { modelId: 'demo/alpha', outcome: 'ok', latencyMs: 1200, inputTokens: 10, outputTokens: 20, costUsd: 0.0012, selected: true },
    { modelId: 'demo/beta', outcome: 'failed', latencyMs: 300, inputTokens: 5, outputTokens: 0, costUsd: null, selected: false, error: 'rate limited' },
  ],
};

describe('Feed', () => {
  it('prints a run: its prompt, one line per model with latency, tokens and cost, and its note', () => {
    const { lastFrame } = render(<Feed items={[run]} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('> fix the bug in main.go');
    expect(frame).toMatch(/✓ demo\/alpha\s+★\s+1\.2s\s+10→20 tok\s+\$0\.0012/);
    expect(frame).toMatch(/✗ demo\/beta .*300ms.*\?.*rate limited/);
    expect(frame).toContain('Applied: main.go');
  });

  it('prints messages and a rewound note', () => {
    const items: FeedItem[] = [
      { ...run, key: 'r2', note: '[rewound] Applied: main.go' },
      { kind: 'message', key: 'm1', level: 'error', text: 'Unknown command /stat. Did you mean /stats?' },
    ];
    const frame = render(<Feed items={items} />).lastFrame() ?? '';
    expect(frame).toContain('[rewound] Applied: main.go');
    expect(frame).toContain('Did you mean /stats?');
  });

  it('prints items appended later once, below the earlier ones', () => {
    const message: FeedItem = { kind: 'message', key: 'm2', level: 'info', text: 'second' };
    const { lastFrame, rerender } = render(<Feed items={[run]} />);
    rerender(<Feed items={[run, message]} />);
    const frame = lastFrame() ?? '';
    expect(frame.indexOf('fix the bug')).toBeLessThan(frame.indexOf('second'));
    expect(frame.split('fix the bug').length).toBe(2);
  });

  it("indents a multi-line prompt's later lines under the first", () => {
    const frame = render(<Feed items={[{ ...run, key: 'm1', prompt: 'first line\nsecond line' }]} />).lastFrame() ?? '';
    expect(frame).toContain('> first line\n  second line');
  });
});

import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { CheckpointPanel } from '../../components/CheckpointPanel.js';
import { formatLocalTime } from '../../src/text/local-time.js';

describe('CheckpointPanel', () => {
  it('shows the prompt, when, and each model completed, interrupted or failed with text, tokens, cost and writes', () => {
    const frame =
      render(
        <CheckpointPanel
          checkpoint={{
            prompt: 'refactor the parser',
            timestamp: '2026-03-31T12:37:19Z',
            models: [
              { modelId: 'demo/alpha', state: 'completed', textPreview: 'Done: parser split', inputTokens: 10, outputTokens: 20, costUsd: 0.01, writes: ['parse.go'] },
              { modelId: 'demo/beta', state: 'interrupted', textPreview: 'Working on', inputTokens: 5, outputTokens: 2, costUsd: 0, writes: [] },
              { modelId: 'demo/gamma', state: 'failed', textPreview: '', inputTokens: 0, outputTokens: 0, costUsd: 0, writes: [], error: 'boom' },
            ],
          }}
        />,
      ).lastFrame() ?? '';
    expect(frame).toContain('refactor the parser');
    // the time as everywhere else (`2026-03-31 12:37` local), not the stored ISO string
    expect(frame).toContain(`refactor the parser  ${formatLocalTime('2026-03-31T12:37:19Z')}`);
    expect(frame).not.toContain('T12:37');
    expect(frame).toMatch(/demo\/alpha\s+completed\s+10→20 tok\s+\$0\.0100/);
    expect(frame).toContain('Done: parser split');
    expect(frame).toContain('writes: parse.go');
    expect(frame).toMatch(/demo\/beta\s+interrupted/);
    expect(frame).toMatch(/demo\/gamma\s+failed/);
    expect(frame).toContain('boom');
  });

  it('says when there is no interrupted run', () => {
    expect(render(<CheckpointPanel checkpoint={null} />).lastFrame()).toContain('No interrupted run.');
  });
});

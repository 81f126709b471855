import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { CostPanel } from '../../components/CostPanel.js';

describe('CostPanel', () => {
  it("shows each model's process and session spend, tokens and the totals; unknown prices as ?", () => {
    const frame =
      render(
        <CostPanel
          rows={[
            { modelId: 'demo/alpha', processUsd: 0.002, sessionUsd: 0.005, inputTokens: 100, outputTokens: 50 },
            { modelId: 'custom/x', processUsd: null, sessionUsd: null, inputTokens: 10, outputTokens: 5 },
          ]}
          processTotalUsd={0.002}
          sessionTotalUsd={0.005}
          unknown
        />,
      ).lastFrame() ?? '';
    expect(frame).toMatch(/demo\/alpha\s+\$0\.0020\s+\$0\.0050\s+100→50/);
    expect(frame).toMatch(/custom\/x\s+\?\s+\?\s+10→5/);
    expect(frame).toMatch(/total\s+\$0\.0020\s+\$0\.0050\+\?/);
    expect(frame).toContain('price unknown');
  });

  it('says when there are no runs', () => {
    expect(render(<CostPanel rows={[]} processTotalUsd={0} sessionTotalUsd={0} unknown={false} />).lastFrame()).toContain('No runs yet.');
  });
});

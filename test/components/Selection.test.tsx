import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { Selection } from '../../components/Selection.js';
import type { SelectionOption } from '../../components/types.js';

const options: SelectionOption[] = [
  { number: 1, modelId: 'demo/beta', latencyMs: 300, outputTokens: 20, costUsd: 0.001, writes: ['a.go', 'b.go'] },
  { number: 2, modelId: 'demo/alpha', latencyMs: 900, outputTokens: 40, costUsd: null, writes: [] },
];

describe('Selection', () => {
  it('numbers the responses in the order given, marks the highlighted one and lists writes', () => {
    const frame = render(<Selection options={options} highlighted={1} rateable={false} />).lastFrame() ?? '';
    expect(frame).toMatch(/ {2}1\. demo\/beta .*300ms.*writes: a\.go, b\.go/);
    expect(frame).toMatch(/❯ 2\. demo\/alpha .*900ms.*\?.*no writes/);
    expect(frame).toContain('s Enter to skip');
    expect(frame).not.toContain('to rate');
  });

  it('offers rating with one model and shows an error', () => {
    const frame = render(<Selection options={options.slice(0, 1)} highlighted={0} rateable error="No response 7" />).lastFrame() ?? '';
    expect(frame).toContain('y/g or n/b Enter to rate');
    expect(frame).toContain('No response 7');
  });

  it('says so when nothing can be picked', () => {
    expect(render(<Selection options={[]} highlighted={0} rateable />).lastFrame()).toContain('No response to pick.');
  });
});

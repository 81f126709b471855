import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { HelpPanel } from '../../components/HelpPanel.js';

describe('HelpPanel', () => {
  it('lists the commands it is given and the keys', () => {
    const frame =
      render(
        <HelpPanel
          commands={[
            { name: '/stats', args: '[all]', description: 'Per-model stats' },
            { name: '/exit, /quit', description: 'Quit' },
          ]}
        />,
      ).lastFrame() ?? '';
    expect(frame).toMatch(/\/stats \[all\]\s+Per-model stats/);
    expect(frame).toContain('/exit, /quit');
    expect(frame).toContain('Ctrl-R');
    expect(frame).toContain('Esc close');
  });

  it('a description too long for the line wraps under itself, not at column 0', () => {
    const long = 'zebra '.repeat(40).trim();
    const frame = render(<HelpPanel commands={[{ name: '/long', description: long }]} />).lastFrame() ?? '';
    const lines = frame.split('\n').filter((line) => line.includes('zebra'));
    expect(lines.length).toBeGreaterThan(1);
    const column = lines[0].indexOf('zebra');
    // Ink's wrap may carry the breaking space to the next line: one column of slack, never back to the left edge
    for (const line of lines.slice(1)) expect(line.indexOf('zebra') - column).toBeOneOf([0, 1]);
  });
});

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
});

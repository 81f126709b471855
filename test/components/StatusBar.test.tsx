import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { StatusBar } from '../../components/StatusBar.js';
import type { StatusInfo } from '../../components/types.js';

const status: StatusInfo = {
  sessionId: 'ses_019505e2-7c3a-7b5e-9f1d-3b2a1c0d9e8f',
  title: null,
  recipeName: 'Go fixer',
  recipeHash: 'rcp_v1_0123456789abcdef',
  models: ['demo/alpha', 'demo/beta'],
  sessionCostUsd: 0.0123,
  costUnknown: false,
  rewindDepth: 2,
  redoDepth: 0,
  checkpoint: true,
  verbose: false,
  blind: false,
  sandbox: '',
};

describe('StatusBar', () => {
  it('shows the short session id, recipe and short hash, models, cost, rewind depth and checkpoint', () => {
    const frame = render(<StatusBar status={status} />).lastFrame() ?? '';
    expect(frame).toContain('ses_019505e2-7c3a');
    expect(frame).not.toContain('7b5e');
    expect(frame).toContain('Go fixer rcp_v1_01234567');
    expect(frame).toContain('demo/alpha, demo/beta');
    expect(frame).toContain('$0.0123');
    expect(frame).toContain('rewind 2');
    expect(frame).toContain('checkpoint');
  });

  it('takes no more lines with the longest title, even of wide characters: the title is cut to 24 columns', () => {
    const lines = (title: string) => (render(<StatusBar status={{ ...status, title }} />).lastFrame() ?? '').split('\n').length;
    for (const title of ['x'.repeat(80), '😀'.repeat(80)]) {
      expect(lines(title)).toBe(lines('Bug hunt'));
      expect(render(<StatusBar status={{ ...status, title }} />).lastFrame()).toMatch(/ses_019505e2-7c3a [x😀]+… │/);
    }
  });

  it('shows the title after the id, and the redo depth when there is something to redo', () => {
    const frame = render(<StatusBar status={{ ...status, title: 'Bug hunt', redoDepth: 1 }} />).lastFrame() ?? '';
    expect(frame).toContain('ses_019505e2-7c3a Bug hunt │');
    expect(frame).toMatch(/rewind 2 ·\s+redo 1/);
    expect(render(<StatusBar status={status} />).lastFrame()).not.toContain('redo');
  });

  it('marks an unknown price and shows the hint', () => {
    const frame = render(<StatusBar status={{ ...status, costUnknown: true, checkpoint: false }} hint="Press Ctrl-C again to exit" />).lastFrame() ?? '';
    expect(frame).toContain('$0.0123+?');
    expect(frame).not.toContain('checkpoint');
    expect(frame).toContain('Press Ctrl-C again to exit');
  });

  it('in blind mode counts the models instead of naming them', () => {
    const frame = render(<StatusBar status={{ ...status, blind: true }} />).lastFrame() ?? '';
    expect(frame).toContain('blind · 2 models');
    expect(frame).not.toContain('demo/');
  });
});

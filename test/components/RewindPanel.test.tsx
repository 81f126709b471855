import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RewindPanel } from '../../components/RewindPanel.js';

describe('RewindPanel', () => {
  it('lists the stack newest first with the model picked and the files a rewind would restore or delete', () => {
    const frame =
      render(
        <RewindPanel
          rows={[
            { prompt: 'second prompt', picked: 'demo/beta', restores: ['main.go'], deletes: ['new.go'] },
            { prompt: 'first prompt', picked: '', restores: [], deletes: [] },
          ]}
        />,
      ).lastFrame() ?? '';
    expect(frame).toContain('Rewind stack (2)');
    expect(frame).toMatch(/1\. second prompt\s+picked demo\/beta/);
    expect(frame).toContain('restores main.go');
    expect(frame).toContain('deletes new.go');
    expect(frame).toMatch(/2\. first prompt\s+nothing picked/);
    expect(frame).toContain('no files');
    expect(frame.indexOf('second prompt')).toBeLessThan(frame.indexOf('first prompt'));
  });

  it('says when there is nothing to rewind', () => {
    expect(render(<RewindPanel rows={[]} />).lastFrame()).toContain('Nothing to rewind.');
  });
});

import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { PromptInput } from '../../components/PromptInput.js';
import { KEY, tick } from './ink-helpers.js';

function Controlled({ onSubmit }: { onSubmit(value: string): void }) {
  const [value, setValue] = useState('');
  return <PromptInput value={value} onChange={setValue} onSubmit={onSubmit} focus placeholder="Type a prompt" search={null} suggestions={[]} candidates={[]} />;
}

describe('PromptInput', () => {
  it('edits and submits the typed text, pasted lines included', async () => {
    const onSubmit = vi.fn();
    const { stdin, lastFrame } = render(<Controlled onSubmit={onSubmit} />);
    await tick();
    expect(lastFrame()).toContain('Type a prompt');
    stdin.write('first line\nsecond line');
    await tick();
    stdin.write(KEY.backspace);
    await tick();
    expect(lastFrame()).toContain('second lin');
    stdin.write(KEY.enter);
    await tick();
    expect(onSubmit).toHaveBeenCalledWith('first line\nsecond lin');
  });

  it('shows the reverse search instead of the field, and command suggestions', () => {
    const frame =
      render(
        <PromptInput
          value="/st"
          onChange={() => undefined}
          onSubmit={() => undefined}
          focus
          placeholder=""
          search={{ query: 'bug', match: 'fix the bug' }}
          suggestions={[{ name: 'stats', args: '[all]', description: 'Per-model stats' }]}
          candidates={['stats', 'status']}
        />,
      ).lastFrame() ?? '';
    expect(frame).toContain("(reverse-i-search)'bug': fix the bug");
    expect(frame).toMatch(/\/stats \[all\]\s+Per-model stats/);
    expect(frame).toContain('stats  status');
  });
});

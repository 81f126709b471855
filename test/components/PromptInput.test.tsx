// The prompt line drawn from the editor's state, and fed through the real key provider: several keys in
// one stdin.write chunk have the effect of each key.
import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { PromptInput } from '../../components/PromptInput.js';
import { usePromptEditor } from '../../src/app/use-prompt-editor.js';
import { useKeypress } from '../../src/editor/KeypressProvider.js';
import { editActionFor } from '../../src/editor/keymap.js';
import { renderWithKeys } from './render-with-keys.js';
import { KEY, tick } from './ink-helpers.js';

function Line({ onSubmit, columns = 40 }: { onSubmit(value: string): void; columns?: number }) {
  const editor = usePromptEditor();
  useKeypress((key) => {
    if (key.name === 'return') onSubmit(editor.current().text);
    const action = editActionFor(key);
    if (action) editor.apply(action);
    return true;
  });
  const { text, cursor } = editor.current();
  return <PromptInput text={text} cursor={cursor} focus placeholder="Type a prompt" search={null} suggestions={[]} candidates={[]} columns={columns} maxRows={4} />;
}

async function typed(chunks: string[], columns?: number) {
  const onSubmit = vi.fn();
  const view = renderWithKeys(<Line onSubmit={onSubmit} columns={columns} />);
  await tick();
  for (const chunk of chunks) {
    view.stdin.write(chunk);
    await tick();
  }
  return { onSubmit, frame: view.lastFrame() ?? '' };
}

describe('PromptInput on the editor', () => {
  it('three Backspaces in one chunk delete three characters', async () => {
    const { onSubmit } = await typed(['hello', '\x7f\x7f\x7fabX\r']);
    expect(onSubmit).toHaveBeenCalledWith('heabX');
  });

  it('36 Backspaces in one chunk clear the line', async () => {
    const { onSubmit } = await typed(['abcdefghijklmnop', '\x7f'.repeat(36) + 'z\r']);
    expect(onSubmit).toHaveBeenCalledWith('z');
  });

  it('Left Left Left in one chunk moves three, and fast typing after it lands there', async () => {
    const { onSubmit } = await typed(['hello', `${KEY.left}${KEY.left}${KEY.left}`, 'world\r']);
    expect(onSubmit).toHaveBeenCalledWith('heworldllo');
  });

  it('Ctrl-U, Ctrl-A, Ctrl-E, Ctrl-W, Ctrl-K in one chunk edit, never insert letters', async () => {
    const { onSubmit } = await typed(['write a.txt: first version', '\x15/history\r']);
    expect(onSubmit).toHaveBeenCalledWith('/history');
    const second = await typed(['one two', '\x17\x01X\x05Y\x01\x0b\r']);
    expect(second.onSubmit).toHaveBeenCalledWith('');
  });

  it('a bracketed paste of 9,000 characters arrives whole, its newline kept and not sent', async () => {
    const text = 'a'.repeat(4500) + '\n' + 'b'.repeat(4499);
    const { onSubmit } = await typed([`\x1b[200~${text}\n\x1b[201~`, '\r']);
    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith(`${text}\n`);
  });

  it('the box grows with the lines, then scrolls and says how many are hidden', async () => {
    const { frame } = await typed(['one\x0atwo\x0athree\x0afour\x0afive\x0asix']);
    expect(frame).toContain('six');
    expect(frame).not.toContain('one');
    expect(frame).toMatch(/↑ 3 more \(6 lines\)/);
  });

  it('keeps the border straight around a ZWJ family', async () => {
    const { frame } = await typed(['👨‍👩‍👧 family'], 30);
    const lines = frame.split('\n').filter((l) => l.includes('│'));
    expect(lines[0]).toContain('👨‍👩‍👧 family');
    // string-width gives the family two columns, as the terminal does: the right border lines up
    const widths = frame.split('\n').slice(0, 3).map((l) => [...new Intl.Segmenter().segment(l)].reduce((n, { segment }) => n + (segment === '👨‍👩‍👧' ? 2 : 1), 0));
    expect(new Set(widths).size).toBe(1);
  });

  it('dims with the panel hint while a panel has the keys, and shows the search instead of the line', () => {
    const dimmed = render(<PromptInput text="" cursor={0} focus={false} hint="stats has the keys: Tab session/all" placeholder="" search={null} suggestions={[]} candidates={[]} columns={80} maxRows={4} />).lastFrame();
    expect(dimmed).toContain('stats has the keys: Tab session/all');
    const frame =
      render(
        <PromptInput
          text="/st"
          cursor={3}
          focus
          placeholder=""
          search={{ query: 'bug', match: 'fix the bug' }}
          suggestions={[{ name: 'stats', args: '[all]', description: 'Per-model stats' }]}
          candidates={['stats', 'status']}
          columns={80}
          maxRows={4}
        />,
      ).lastFrame() ?? '';
    expect(frame).toContain("(reverse-i-search)'bug': fix the bug");
    expect(frame).toMatch(/\/stats \[all\]\s+Per-model stats/);
    expect(frame).toContain('stats  status');
  });

  it('scrolls the / suggestions to the highlighted one and says how many are cut', () => {
    const suggestions = Array.from({ length: 20 }, (_, i) => ({ name: `cmd${i}`, description: `command ${i}` }));
    const frame = render(<PromptInput text="/" cursor={1} focus placeholder="" search={null} suggestions={suggestions} highlighted={15} candidates={[]} columns={80} maxRows={4} />).lastFrame() ?? '';
    expect(frame).toContain('↑ 8 more');
    expect(frame).toContain('/cmd15');
    expect(frame).not.toContain('/cmd7 ');
    expect(frame).toContain('↓ 4 more');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { SessionsPanel } from '../../components/SessionsPanel.js';
import type { SessionRow } from '../../components/types.js';
import { renderWithKeys } from './render-with-keys.js';
import { KEY, tick } from './ink-helpers.js';

const sessions: SessionRow[] = [
  { id: 'ses_019505e2-7c3a-7b5e-9f1d-3b2a1c0d9e8f', lastActiveAt: '2026-03-31T12:37:19Z', promptCount: 3, firstPrompt: 'fix the bug', current: true },
  { id: 'ses_01950000-0000-7000-8000-00000000000a', lastActiveAt: '2026-03-30T09:00:00Z', promptCount: 1, firstPrompt: 'write tests', current: false },
];

describe('SessionsPanel', () => {
  it('lists sessions newest first, marks the current one, and Enter switches to the highlighted one', async () => {
    const onSelect = vi.fn();
    const { stdin, lastFrame } = renderWithKeys(<SessionsPanel sessions={sessions} skipped={['ses_x: bad json']} isActive onSelect={onSelect} />);
    await tick();
    expect(lastFrame()).toMatch(/❯ ses_019505e2-7c3a 2026-03-31 12:37\s+3 prompts\s+fix the bug \(current\)/);
    expect(lastFrame()).toContain('skipped ses_x: bad json');
    stdin.write(KEY.down);
    await tick();
    expect(lastFrame()).toMatch(/❯ ses_01950000-0000 .*write tests/);
    stdin.write(KEY.enter);
    await tick();
    expect(onSelect).toHaveBeenCalledWith('ses_01950000-0000-7000-8000-00000000000a');
  });

  it('says how many sessions are above and below the ten in view, and moves the window with ↓', async () => {
    const many: SessionRow[] = Array.from({ length: 14 }, (_, i) => ({ id: `ses_${String(i).padStart(4, '0')}`, lastActiveAt: '2026-03-30T09:00:00Z', promptCount: 1, firstPrompt: `prompt ${i}`, current: false }));
    const { stdin, lastFrame } = renderWithKeys(<SessionsPanel sessions={many} skipped={[]} isActive onSelect={() => {}} />);
    await tick();
    expect(lastFrame()).toContain('↓ 4 more');
    stdin.write(KEY.down.repeat(11));
    await tick();
    expect(lastFrame()).toContain('↑ 2 more · ↓ 2 more');
  });
});

import { describe, expect, it, vi } from 'vitest';
import { SessionsPanel } from '../../components/SessionsPanel.js';
import type { SessionRow } from '../../components/types.js';
import { renderWithKeys } from './render-with-keys.js';
import { KEY, tick } from './ink-helpers.js';
import { formatLocalTime } from '../../src/text/local-time.js';

const sessions: SessionRow[] = [
  { id: 'ses_019505e2-7c3a-7b5e-9f1d-3b2a1c0d9e8f', lastActiveAt: '2026-03-31T12:37:19Z', promptCount: 3, firstPrompt: 'fix the bug', current: true },
  { id: 'ses_01950000-0000-7000-8000-00000000000a', title: 'Test writing', lastActiveAt: '2026-03-30T09:00:00Z', promptCount: 1, firstPrompt: 'write tests', current: false },
  { id: 'ses_01940000-0000-7000-8000-00000000000b', lastActiveAt: '2026-03-29T09:00:00Z', promptCount: 2, firstPrompt: 'rename the parser', current: false },
];

function panel() {
  const onSelect = vi.fn();
  const onDelete = vi.fn();
  const rendered = renderWithKeys(<SessionsPanel sessions={sessions} skipped={['ses_x: bad json']} isActive onSelect={onSelect} onDelete={onDelete} />);
  const press = async (keys: string) => {
    rendered.stdin.write(keys);
    await tick();
  };
  return { ...rendered, onSelect, onDelete, press };
}

describe('SessionsPanel', () => {
  it('lists sessions newest first, marks the current one, and Enter switches to the highlighted one', async () => {
    const { lastFrame, press, onSelect } = panel();
    await tick();
    // local time as everywhere else; `1 prompt`; two spaces between the columns, the counts padded alike
    expect(lastFrame()).toContain(`❯ ses_019505e2-7c3a  ${formatLocalTime('2026-03-31T12:37:19Z')}  3 prompts  fix the bug (current)`);
    expect(lastFrame()).toContain(`  ses_01950000-0000  ${formatLocalTime('2026-03-30T09:00:00Z')}  1 prompt   Test writing  write tests`);
    expect(lastFrame()).toContain('skipped ses_x: bad json');
    await press(KEY.down);
    expect(lastFrame()).toMatch(/❯ ses_01950000-0000 .*write tests/);
    await press(KEY.enter);
    expect(onSelect).toHaveBeenCalledWith('ses_01950000-0000-7000-8000-00000000000a');
  });

  it('/ filters as you type by title, prompt or id; Enter then switches to the match', async () => {
    const { lastFrame, press, onSelect } = panel();
    await tick();
    await press('/');
    await press('PARS');
    expect(lastFrame()).toContain('Sessions (1 of 3)');
    expect(lastFrame()).toContain('filter: PARS');
    expect(lastFrame()).not.toContain('fix the bug');
    await press(KEY.backspace);
    await press(KEY.backspace);
    await press(KEY.backspace);
    await press(KEY.backspace);
    await press('writing');
    expect(lastFrame()).toMatch(/❯ ses_01950000-0000 .*Test writing/);
    await press(KEY.enter);
    await press(KEY.enter);
    expect(onSelect).toHaveBeenCalledWith('ses_01950000-0000-7000-8000-00000000000a');
    await press('/');
    await press('zzz');
    expect(lastFrame()).toContain('no session matches');
  });

  it('d asks before deleting the highlighted session; n keeps it, y deletes it', async () => {
    const { lastFrame, press, onDelete } = panel();
    await tick();
    await press(KEY.down);
    await press('d');
    expect(lastFrame()).toContain('Move ses_01950000-0000-7000-8000-00000000000a (Test writing) to the trash? y/n');
    await press('n');
    expect(lastFrame()).not.toContain('to the trash?');
    expect(onDelete).not.toHaveBeenCalled();
    await press('d');
    await press('y');
    expect(onDelete).toHaveBeenCalledWith('ses_01950000-0000-7000-8000-00000000000a');
  });

  it('after a pause, the filter also shows the sessions whose prompts or answers hold it, with the line; only the newest text is searched', async () => {
    const searched: string[] = [];
    const search = async (text: string) => {
      searched.push(text);
      await new Promise((resolve) => setTimeout(resolve, 40));
      return text === 'bbb' ? new Map([['ses_01940000-0000-7000-8000-00000000000b', '#2 prompt: write b.txt: bbb']]) : new Map<string, string>();
    };
    const { stdin, lastFrame } = renderWithKeys(<SessionsPanel sessions={sessions} skipped={[]} searchContent={search} isActive onSelect={() => {}} onDelete={() => {}} />);
    await tick();
    stdin.write('/');
    await tick();
    for (const key of 'bbb') {
      stdin.write(key);
      await tick();
    }
    expect(lastFrame()).toContain('Sessions (0 of 3) · searching prompts and answers…');
    await vi.waitFor(() => expect(lastFrame()).toContain('Sessions (1 of 3)'), { timeout: 2000 });
    expect(lastFrame()).toMatch(/ses_01940000-0000 .*#2 prompt: write b\.txt: bbb/);
    expect(lastFrame()).not.toContain('searching');
    // the keys came closer together than the pause: one search, of the whole text
    expect(searched).toEqual(['bbb']);
  });

  it('d on the session open here refuses at once, without asking', async () => {
    const { lastFrame, press, onDelete } = panel();
    await tick();
    await press('d');
    expect(lastFrame()).toContain('This is the session open here: switch to another one (or quit) to delete it.');
    expect(lastFrame()).not.toContain('to the trash?');
    await press('y');
    expect(onDelete).not.toHaveBeenCalled();
    expect(lastFrame()).not.toContain('This is the session open here');
  });

  it('says how many sessions are above and below the ten in view, and moves the window with ↓', async () => {
    const many: SessionRow[] = Array.from({ length: 14 }, (_, i) => ({ id: `ses_${String(i).padStart(4, '0')}`, lastActiveAt: '2026-03-30T09:00:00Z', promptCount: 1, firstPrompt: `prompt ${i}`, current: false }));
    const { stdin, lastFrame } = renderWithKeys(<SessionsPanel sessions={many} skipped={[]} isActive onSelect={() => {}} onDelete={() => {}} />);
    await tick();
    expect(lastFrame()).toContain('↓ 4 more');
    stdin.write(KEY.down.repeat(11));
    await tick();
    expect(lastFrame()).toContain('↑ 2 more · ↓ 2 more');
  });
});

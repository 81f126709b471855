import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { RewindPicker, diffAllowance, diffLineColor, type RewindPickerProps } from '../../components/RewindPicker.js';
import type { RewindPreview, RewindPreviewFile, RewindRow } from '../../components/types.js';

const rows: RewindRow[] = [
  { feedIndex: 3, run: 3, prompt: 'write c.txt: three', time: '2025-06-01 10:03', picked: 'demo/alpha', files: ['c.txt'] },
  { feedIndex: 1, run: 2, prompt: 'write a.txt: two\nsecond line', time: '2025-06-01 10:02', picked: 'demo/beta', files: ['a.txt', 'src/b.txt'] },
  { feedIndex: 0, run: 1, prompt: 'tell me a joke', time: '2025-06-01 10:01', picked: '', files: [] },
];

const file = (changes: Partial<RewindPreviewFile>): RewindPreviewFile => ({
  path: 'a.txt',
  action: 'restore',
  diff: ['@@ -1,1 +1,1 @@', '-TWO', '+one'],
  drifted: false,
  lost: false,
  ...changes,
});

const preview = (changes: Partial<RewindPreview> = {}): RewindPreview => ({
  mode: 'both',
  runs: [3, 2],
  files: [file({}), file({ path: 'c.txt', action: 'delete', diff: ['@@ -1,1 +0,0 @@', '-three', '\\ No newline at end of file'] })],
  turnsRemoved: { 'demo/alpha': 4, 'demo/beta': 4 },
  ...changes,
});

function frameOf(props: Partial<RewindPickerProps> = {}): string {
  const all: RewindPickerProps = { rows, selected: 1, mode: 'both', preview: preview(), loading: false, confirmation: null, height: 30, ...props };
  return render(<RewindPicker {...all} />).lastFrame() ?? '';
}

describe('RewindPicker', () => {
  it('lists every undoable run newest first: position, run number, time, prompt, model picked, files', () => {
    const frame = frameOf();
    expect(frame).toContain('Rewind to a run (3 undoable)');
    expect(frame).toMatch(/1\.\s+#3\s+2025-06-01 10:03\s+write c\.txt: three\s+demo\/alpha\s+c\.txt/);
    expect(frame).toMatch(/❯ 2\.\s+#2\s+2025-06-01 10:02\s+write a\.txt: two\s+demo\/beta\s+a\.txt, src\/b\.txt/);
    expect(frame).toMatch(/3\.\s+#1\s+2025-06-01 10:01\s+tell me a joke\s+nothing picked\s+no files/);
    expect(frame).not.toContain('second line');
    expect(frame.indexOf('#3')).toBeLessThan(frame.indexOf('#1'));
  });

  it('shows the mode chosen among the three', () => {
    expect(frameOf()).toMatch(/Mode: \[code and conversation\]\s+conversation only\s+code only/);
    expect(frameOf({ mode: 'conversation', preview: preview({ mode: 'conversation', files: [] }) })).toMatch(/code and conversation\s+\[conversation only\]/);
    expect(frameOf({ mode: 'code', preview: preview({ mode: 'code', turnsRemoved: {} }) })).toContain('[code only]');
  });

  it('previews each file with its action and its diff, and the turns removed per model', () => {
    const frame = frameOf();
    expect(frame).toContain('Undoes #3, #2');
    expect(frame).toMatch(/restore\s+a\.txt/);
    expect(frame).toContain('@@ -1,1 +1,1 @@');
    expect(frame).toContain('-TWO');
    expect(frame).toContain('+one');
    expect(frame).toMatch(/delete\s+c\.txt/);
    expect(frame).toContain('-three');
    expect(frame).toContain('Conversation: demo/alpha −4 turns, demo/beta −4 turns');
  });

  it('colors added lines green, removed lines red and hunk headers cyan', () => {
    expect(diffLineColor('+one')).toBe('green');
    expect(diffLineColor('-TWO')).toBe('red');
    expect(diffLineColor('@@ -1 +1 @@')).toBe('cyan');
    expect(diffLineColor(' context')).toBeUndefined();
  });

  it('conversation only keeps the files; code only keeps the conversation', () => {
    const conversation = frameOf({ mode: 'conversation', preview: preview({ mode: 'conversation', files: [] }) });
    expect(conversation).toContain('Files: kept as they are');
    expect(conversation).toContain('demo/alpha −4 turns');
    const code = frameOf({ mode: 'code', preview: preview({ mode: 'code', turnsRemoved: {} }) });
    expect(code).toContain('Conversation: kept');
    expect(code).toContain('-TWO');
  });

  it('cuts a long diff with "… N more lines" and keeps the panel within its height', () => {
    const long = file({ path: 'long.txt', diff: ['@@ -1,40 +1,40 @@', ...Array.from({ length: 40 }, (_, i) => `-line ${i}`)] });
    const frame = frameOf({ preview: preview({ files: [long] }), height: 20 });
    expect(frame).toMatch(/… \d+ more lines/);
    expect(frame).not.toContain('-line 39');
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
    const roomy = frameOf({ preview: preview({ files: [long] }), height: 60 });
    expect(roomy).toContain('… 30 more lines');
  });

  it('says how many files did not fit when even their names would not', () => {
    const many = Array.from({ length: 30 }, (_, i) => file({ path: `f${i}.txt` }));
    const frame = frameOf({ preview: preview({ files: many }), height: 20 });
    expect(frame).toMatch(/… \d+ more files/);
    expect(frame.split('\n').length).toBeLessThanOrEqual(20);
  });

  it('short diffs take what they need and the long ones share the rest', () => {
    const short = file({ diff: ['a', 'b'] });
    const long = file({ diff: Array.from({ length: 30 }, () => 'x') });
    expect(diffAllowance([long, short, long], 12)).toEqual([5, 2, 5]);
  });

  it('warns about a file changed since bakeoff wrote it, and asks before overwriting', () => {
    const drifted = preview({ files: [file({ drifted: true })] });
    expect(frameOf({ preview: drifted })).toMatch(/restore\s+a\.txt\s+changed since bakeoff wrote it/);
    const asking = frameOf({ preview: drifted, confirmation: { kind: 'drift', paths: ['a.txt'] } });
    expect(asking).toContain('a.txt changed since bakeoff wrote it. Overwrite? y rewind anyway · n leave it');
  });

  it('says when a file cannot be restored', () => {
    expect(frameOf({ preview: preview({ files: [file({ lost: true })] }) })).toContain('stored content lost: cannot restore');
  });

  it('shows what it is doing, a note, and that the preview is being updated', () => {
    expect(frameOf({ confirmation: { kind: 'working', text: 'Rewinding…' } })).toContain('Rewinding…');
    expect(frameOf({ confirmation: { kind: 'note', level: 'error', text: 'The rewind failed: disk full' } })).toContain('The rewind failed: disk full');
    expect(frameOf({ loading: true })).toContain('(updating…)');
    expect(frameOf({ preview: null })).toContain('Working out what the rewind would change…');
  });

  it('scrolls the list to keep the selected run in view', () => {
    const many: RewindRow[] = Array.from({ length: 20 }, (_, i) => ({ feedIndex: 19 - i, run: 20 - i, prompt: `prompt ${20 - i}`, time: '', picked: '', files: [] }));
    const frame = frameOf({ rows: many, selected: 15 });
    expect(frame).toMatch(/❯ 16\.\s+#5\s+prompt 5/);
    expect(frame).not.toContain('prompt 20');
  });
});

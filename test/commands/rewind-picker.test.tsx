import { renderWithKeys } from '../components/render-with-keys.js';
// The rewind picker in the real app: three runs that write files, then /rewind to the oldest of them in each
// mode, checked file by file in the project and turn by turn in session_content.json.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DialogHost } from '../../src/app/DialogHost.js';
import type { RewindActions } from '../../src/app/use-rewind-picker.js';
import { RewindDriftError, type RewindMode, type RewindPlan } from '../../store/rewind-plan.js';
import { filterRewound, summarizeRuns } from '../../store/index.js';
import type { SessionContent, SessionMetadata } from '../../store/index.js';
import { KEY, startApp, tick, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

const PROMPTS = ['write a.txt: one', 'write a.txt: two', 'write b.txt: three'];

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} in:\n${app.frame()}`);
    await tick(10);
  }
}

/** Runs a prompt and keeps demo/alpha's answer (alpha writes the text as given). */
async function runAndKeepAlpha(prompt: string): Promise<void> {
  const runsBefore = app.session.store.metadata().runs.length;
  await app.runPrompt(prompt);
  const number = /(\d+)\. demo\/alpha/.exec(app.frame())?.[1];
  if (!number) throw new Error(`demo/alpha is not in the pick list:\n${app.frame()}`);
  await app.submit(number);
  await until(() => app.session.store.metadata().runs.length > runsBefore && !app.frame().includes('Pick a response'), 'the pick');
}

const readProject = (name: string) => readFile(join(app.project, name), 'utf8');
const exists = (name: string) => stat(join(app.project, name)).then(() => true, () => false);

async function saved(): Promise<{ meta: SessionMetadata; content: SessionContent }> {
  await app.session.store.flush();
  return {
    meta: await app.readJson<SessionMetadata>(app.session.store.metadataPath()),
    content: await app.readJson<SessionContent>(app.session.store.contentPath()),
  };
}

interface Scene {
  /** the histories before the three runs (after a first run that /clear took off the rewind stack) */
  historiesBefore: SessionContent['histories'];
  historiesAfter: SessionContent['histories'];
}

/**
 * Run #1 ("hello") stays: /clear empties the rewind stack. Then #2-#4 write a.txt (a file that was there
 * before, with "original"), a.txt again and b.txt (new). notes.md is the user's own and never written by bakeoff.
 */
async function threeRuns(): Promise<Scene> {
  app = await startApp();
  await writeFile(join(app.project, 'a.txt'), 'original');
  await writeFile(join(app.project, 'notes.md'), 'mine');
  await runAndKeepAlpha('hello');
  await app.submit('/clear');
  await until(() => app.session.store.rewindStackLen() === 0, '/clear');
  const historiesBefore = (await saved()).content.histories;
  for (const prompt of PROMPTS) await runAndKeepAlpha(prompt);
  expect(await readProject('a.txt')).toBe('two');
  expect(await readProject('b.txt')).toBe('three');
  await app.waitFor('rewind 3');
  return { historiesBefore, historiesAfter: (await saved()).content.histories };
}

async function openPicker(): Promise<string> {
  await app.submit('/rewind');
  return app.waitFor('Rewind to a run (3 undoable)');
}

/** The input box with this text in it (the feed prints prompts without a border). */
const inInput = (text: string) => new RegExp(`│ > ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*│`);

async function expectRewoundMetadata(meta: SessionMetadata): Promise<void> {
  expect(meta.runs.map((run) => run.note)).toEqual([
    'Voted for: demo/alpha',
    '[rewound] Applied: a.txt',
    '[rewound] Applied: a.txt',
    '[rewound] Applied: b.txt',
    undefined,
    undefined,
    undefined,
  ]);
  expect(meta.runs.slice(4).map((run) => run.type)).toEqual(['rewind', 'rewind', 'rewind']);
  // one marker per undone run, newest first, each with its run's prompt hash
  expect(meta.runs.slice(4).map((run) => run.prompt_hash)).toEqual([meta.runs[3].prompt_hash, meta.runs[2].prompt_hash, meta.runs[1].prompt_hash]);
  // so stats count only the run that stays
  expect(filterRewound(meta.runs)).toEqual([meta.runs[0]]);
  expect(summarizeRuns(meta.runs)['demo/alpha']).toMatchObject({ wins: 1, participations: 1 });
}

describe('the /rewind picker', () => {
  it('lists every undoable run newest first and previews the selected one', async () => {
    await threeRuns();
    let frame = await openPicker();
    expect(frame).toMatch(/❯ 1\.\s+#4\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+write b\.txt: three\s+demo\/alpha\s+b\.txt/);
    expect(frame).toMatch(/2\.\s+#3\s+.*write a\.txt: two\s+demo\/alpha\s+a\.txt/);
    expect(frame).toMatch(/3\.\s+#2\s+.*write a\.txt: one\s+demo\/alpha\s+a\.txt/);
    expect(frame).not.toMatch(/#1\s+.*hello/);
    frame = await app.waitFor(/delete\s+b\.txt/);
    expect(frame).toContain('Undoes #4');
    expect(frame).toContain('-three');
    await app.press('k'); // already at the newest: stays
    await app.press('j');
    frame = await app.waitFor('Undoes #4, #3');
    expect(frame).toMatch(/❯ 2\.\s+#3/);
    expect(frame).toMatch(/restore\s+a\.txt/);
    expect(frame).toContain('-two');
    expect(frame).toContain('+one');
    await app.press(KEY.up);
    await app.waitFor(/❯ 1\.\s+#4/);
  });

  it('code and conversation: every later run undone, files back as they were, histories cut to before the oldest', async () => {
    const { historiesBefore } = await threeRuns();
    await openPicker();
    await app.press(KEY.down);
    await app.press(KEY.down);
    let frame = await app.waitFor('Undoes #4, #3, #2');
    expect(frame).toMatch(/restore\s+a\.txt/);
    expect(frame).toContain('-two');
    expect(frame).toContain('+original');
    expect(frame).toMatch(/delete\s+b\.txt/);
    expect(frame).toMatch(/Conversation: demo\/alpha −6 turns, demo\/beta −6 turns/);
    await app.press(KEY.enter);
    frame = await app.waitFor('Rewound 3 runs (#2, #3, #4): write a.txt: one');
    expect(frame).toContain('rewind 0');
    expect(frame).toContain('[rewound] Applied: b.txt');
    expect(frame).not.toContain('Rewind to a run');

    expect(await readProject('a.txt')).toBe('original');
    expect(await exists('b.txt')).toBe(false);
    expect(await readProject('notes.md')).toBe('mine');
    const { meta, content } = await saved();
    expect(content.histories).toEqual(historiesBefore);
    await expectRewoundMetadata(meta);
  });

  it('conversation only: histories cut turn by turn, every file kept as it is', async () => {
    const { historiesBefore, historiesAfter } = await threeRuns();
    expect(historiesAfter['demo/alpha'].length).toBe(historiesBefore['demo/alpha'].length + 6);
    await openPicker();
    await app.press('3');
    await app.press(KEY.tab);
    let frame = await app.waitFor(/\[conversation only\][\s\S]*Files: kept as they are/);
    expect(frame).toContain('Undoes #4, #3, #2');
    expect(frame).not.toMatch(/delete\s+b\.txt/);
    await app.press(KEY.enter);
    frame = await app.waitFor('Rewound 3 runs (#2, #3, #4) (conversation only: files kept)');
    expect(frame).toContain('rewind 0');

    expect(await readProject('a.txt')).toBe('two');
    expect(await readProject('b.txt')).toBe('three');
    const { meta, content } = await saved();
    for (const model of ['demo/alpha', 'demo/beta']) {
      expect(content.histories[model]).toEqual(historiesBefore[model]);
      // the turns kept are the same turns, in order
      expect(historiesAfter[model].slice(0, historiesBefore[model].length)).toEqual(content.histories[model]);
    }
    await expectRewoundMetadata(meta);
  });

  it('code only: files restored, the conversation kept turn by turn', async () => {
    const { historiesAfter } = await threeRuns();
    await openPicker();
    await app.press('j');
    await app.press('j');
    await app.press('m');
    await app.press('m');
    let frame = await app.waitFor(/\[code only\][\s\S]*Conversation: kept/);
    expect(frame).toContain('Undoes #4, #3, #2');
    expect(frame).toMatch(/delete\s+b\.txt/);
    await app.press(KEY.enter);
    frame = await app.waitFor('Rewound 3 runs (#2, #3, #4) (code only: conversation kept)');
    expect(frame).toContain('rewind 0');

    expect(await readProject('a.txt')).toBe('original');
    expect(await exists('b.txt')).toBe(false);
    expect(await readProject('notes.md')).toBe('mine');
    const { meta, content } = await saved();
    expect(content.histories).toEqual(historiesAfter);
    await expectRewoundMetadata(meta);
  });

  it('a file changed by hand: the picker warns, n leaves it and rewinds nothing, y overwrites it', async () => {
    await threeRuns();
    await writeFile(join(app.project, 'a.txt'), 'edited by hand');
    await openPicker();
    await app.press('3');
    let frame = await app.waitFor(/restore\s+a\.txt\s+changed since bakeoff wrote it/);
    expect(frame).toContain('-edited by hand');
    expect(frame).toContain('+original');
    await app.press(KEY.enter);
    await app.waitFor('a.txt changed since bakeoff wrote it. Overwrite?');
    await app.press('j'); // only y or n answer the question
    expect(app.frame()).toMatch(/❯ 3\.\s+#2/);
    await app.press('n');
    frame = await app.waitFor('Nothing was rewound; a.txt left as it is.');
    expect(await readProject('a.txt')).toBe('edited by hand');
    expect(await readProject('b.txt')).toBe('three');
    expect((await saved()).meta.runs).toHaveLength(4);
    expect(frame).toContain('rewind 3');

    await app.press(KEY.enter);
    await app.waitFor('Overwrite?');
    await app.press('y');
    await app.waitFor('Rewound 3 runs (#2, #3, #4): write a.txt: one');
    expect(await readProject('a.txt')).toBe('original');
    expect(await exists('b.txt')).toBe(false);
    await expectRewoundMetadata((await saved()).meta);
  });

  it('Esc closes the picker and leaves everything as it was', async () => {
    const { historiesAfter } = await threeRuns();
    const before = (await saved()).meta;
    await openPicker();
    await app.press(KEY.down);
    await app.press(KEY.tab);
    await app.waitFor('[conversation only]');
    await app.press(KEY.escape);
    await until(() => !app.frame().includes('Rewind to a run'), 'the picker to close');
    expect(app.frame()).toContain('rewind 3');
    expect(app.frame()).toMatch(/│ > Type a prompt, or \/help\s*│/);
    expect(await readProject('a.txt')).toBe('two');
    expect(await readProject('b.txt')).toBe('three');
    const { meta, content } = await saved();
    expect(meta.runs).toEqual(before.runs);
    expect(content.histories).toEqual(historiesAfter);
  });

  it('puts the restored prompt in the input, editable and not sent', async () => {
    await threeRuns();
    await openPicker();
    await app.press('2');
    await app.press(KEY.enter);
    await app.waitFor(inInput('write a.txt: two'));
    expect(app.frame()).toContain('Rewound 2 runs (#3, #4): write a.txt: two');
    await tick();
    expect((await saved()).meta.runs).toHaveLength(6);
    await app.press(KEY.backspace);
    await app.press('o, again');
    await app.waitFor(inInput('write a.txt: two, again'));
    await app.press(KEY.enter);
    await app.waitFor('Pick a response');
    expect(app.session.store.promptHistory()[0]).toBe('write a.txt: two, again');
  });
});

describe('the picker with a fake Store', () => {
  const rows = [
    { feedIndex: 1, run: 2, prompt: 'second', time: '', picked: 'demo/alpha', files: ['x.txt'] },
    { feedIndex: 0, run: 1, prompt: 'first', time: '', picked: 'demo/alpha', files: ['x.txt'] },
  ];
  const planFor = (feedIndex: number, mode: RewindMode, current: string): RewindPlan => ({
    mode,
    runs: rows.filter((row) => row.feedIndex >= feedIndex).map((row) => ({ feedIndex: row.feedIndex, prompt: row.prompt })),
    files: [{ path: '/p/x.txt', root: '/p', current: Buffer.from(current), restored: Buffer.from('before'), drifted: false, lost: false }],
    historyLengths: {},
    turnsRemoved: {},
  });
  const open = (actions: RewindActions) =>
    renderWithKeys(<DialogHost dialog={{ kind: 'rewind', rows }} isActive height={30} onSelectSession={() => {}} onDeleteSession={() => {}} rewind={actions} />);

  it('keeps the last plan on screen while the next one loads', async () => {
    const waiting: (() => void)[] = [];
    const picker = open({ plan: (feedIndex, mode) => new Promise((resolve) => waiting.push(() => resolve(planFor(feedIndex, mode, `now ${feedIndex}`)))), rewindTo: async () => {} });
    await tick();
    expect(picker.lastFrame()).toContain('Working out what the rewind would change…');
    waiting.shift()?.();
    await tick();
    expect(picker.lastFrame()).toContain('-now 1');
    picker.stdin.write('j');
    await tick();
    expect(picker.lastFrame()).toContain('Undoes #2 (updating…)');
    expect(picker.lastFrame()).toContain('-now 1');
    waiting.shift()?.();
    await tick();
    expect(picker.lastFrame()).toContain('Undoes #2, #1 ·');
    expect(picker.lastFrame()).toContain('-now 0');
    picker.unmount();
  });

  it('a file edited after the check makes the Store refuse: the picker says so and changes nothing', async () => {
    const calls: boolean[] = [];
    const picker = open({
      plan: async (feedIndex, mode) => planFor(feedIndex, mode, 'after'),
      rewindTo: async (_feedIndex, _mode, allowDrift) => {
        calls.push(allowDrift);
        throw new RewindDriftError(['/p/x.txt']);
      },
    });
    await tick();
    picker.stdin.write(KEY.enter);
    await tick();
    expect(calls).toEqual([false]);
    expect(picker.lastFrame()).toContain('Nothing was rewound: changed since bakeoff wrote it: /p/x.txt. Enter asks again.');
    picker.unmount();
  });

  it('any other failure of the rewind is shown in the picker', async () => {
    const picker = open({ plan: async (feedIndex, mode) => planFor(feedIndex, mode, 'after'), rewindTo: () => Promise.reject(new Error('disk full')) });
    await tick();
    picker.stdin.write(KEY.enter);
    await tick();
    expect(picker.lastFrame()).toContain('The rewind failed: disk full');
    picker.unmount();
  });
});

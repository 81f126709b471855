import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMetadata } from '../../store/session-files.js';
import { RewindDriftError } from '../../store/rewind-plan.js';
import { MAX_REWIND_ENTRIES } from '../../store/rewind-stack.js';
import { filterRewound } from '../../store/stats.js';
import { openFreshStore, reopenStore } from '../helpers/store-fixture.js';
import { runAndApply, tree } from '../helpers/recorded-run.js';

async function setUp() {
  const opened = await openFreshStore();
  await mkdir(opened.project, { recursive: true });
  await writeFile(join(opened.project, 'main.go'), 'v0');
  return opened;
}

describe('a persisted rewind stack', () => {
  it('survives a restart: push, close, reopen, rewind', async () => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'change main', [{ path: 'main.go', content: 'v1' }]);
    const reopened = await reopenStore(store);
    expect(reopened.rewindStackLen()).toBe(1);
    expect(reopened.rewindEntries()[0]).toMatchObject({ prompt: 'change main', selected: 'a', files: [{ path: join(project, 'main.go'), created: false, deleted: false }] });
    const result = await reopened.rewind();
    expect(result.note).toBe('[rewound] Applied: main.go');
    expect(await readFile(join(project, 'main.go'), 'utf8')).toBe('v0');
    expect(reopened.histories()).toEqual({});
  });

  it('a session without rewind.json opens with nothing to undo', async () => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'p', []);
    await store.close();
    await rm(join(store.sessionsDir(), store.sessionId(), 'rewind.json'));
    const reopened = await reopenStore(store);
    expect(reopened.canRewind()).toBe(false);
  });

  it('keeps the newest 100 entries and removes snapshots no entry references', async () => {
    const { store, project } = await setUp();
    for (let i = 0; i < MAX_REWIND_ENTRIES + 3; i++) await runAndApply(store, project, `run ${i}`, [{ path: 'main.go', content: `v${i + 1}` }]);
    expect(store.rewindStackLen()).toBe(MAX_REWIND_ENTRIES);
    expect(store.rewindEntries().at(-1)!.prompt).toBe('run 3');
    const blobs = await readdir(join(store.sessionsDir(), store.sessionId(), 'snapshots'));
    expect(blobs).toHaveLength(MAX_REWIND_ENTRIES);
    await store.clearRewindStack();
    expect(await readdir(join(store.sessionsDir(), store.sessionId(), 'snapshots'))).toEqual([]);
  });
});

describe('rewinding to any run', () => {
  async function threeRuns() {
    const opened = await setUp();
    const { store, project } = opened;
    const first = await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    await runAndApply(store, project, 'two', [
      { path: 'main.go', content: 'v2' },
      { path: 'pkg/new.go', content: 'new' },
    ]);
    await runAndApply(store, project, 'three', [{ path: 'main.go', delete: true, content: '' }]);
    return { ...opened, first };
  }

  it('code and conversation: files and histories as before the first undone run, a marker per run', async () => {
    const { store, project } = await threeRuns();
    const second = store.rewindEntries()[1].feedIndex;
    const outcome = await store.rewindTo(second, 'both');
    expect(await tree(project)).toEqual({ 'main.go': 'v1' });
    expect(store.histories().a).toHaveLength(2);
    expect(store.histories().b).toHaveLength(2);
    expect(outcome.restoredPrompt).toBe('two');
    expect(outcome.undone.map((u) => u.note)).toEqual(['[rewound] Applied: main.go', '[rewound] Applied: main.go, pkg/new.go']);
    const runs = (await loadMetadata(store.metadataPath()))!.runs;
    expect(runs.filter((r) => r.type === 'rewind')).toHaveLength(2);
    expect(filterRewound(runs).map((r) => r.prompt_preview)).toEqual(['one']);
    expect(store.rewindStackLen()).toBe(1);
  });

  it('conversation only: histories cut, files kept', async () => {
    const { store, project, first } = await threeRuns();
    await store.rewindTo(first, 'conversation');
    expect(await tree(project)).toEqual({ 'pkg/new.go': 'new' });
    expect(store.histories()).toEqual({});
    expect(store.canRewind()).toBe(false);
  });

  it('code only: files restored, conversation kept', async () => {
    const { store, project, first } = await threeRuns();
    await store.rewindTo(first, 'code');
    expect(await tree(project)).toEqual({ 'main.go': 'v0' });
    expect(store.histories().a).toHaveLength(6);
  });

  it('the plan shows what each file becomes and the turns removed, and changes nothing', async () => {
    const { store, project, first } = await threeRuns();
    const plan = await store.rewindPlan(first, 'both');
    expect(plan.runs.map((r) => r.prompt)).toEqual(['three', 'two', 'one']);
    const byPath = Object.fromEntries(plan.files.map((f) => [f.path.slice(project.length + 1), f]));
    expect(byPath['main.go']).toMatchObject({ current: null, restored: Buffer.from('v0'), drifted: false });
    expect(byPath['pkg/new.go']).toMatchObject({ current: Buffer.from('new'), restored: null, drifted: false });
    expect(plan.turnsRemoved).toEqual({ a: 6, b: 6 });
    expect(await tree(project)).toEqual({ 'pkg/new.go': 'new' });
    expect(store.rewindStackLen()).toBe(3);
  });

  it('a file edited since bakeoff wrote it stops the rewind unless overwriting is allowed', async () => {
    const { store, project } = await setUp();
    const index = await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    await writeFile(join(project, 'main.go'), 'my own edit');
    const plan = await store.rewindPlan(index);
    expect(plan.files[0]).toMatchObject({ drifted: true, current: Buffer.from('my own edit'), restored: Buffer.from('v0') });
    await expect(store.rewindTo(index)).rejects.toBeInstanceOf(RewindDriftError);
    expect(await readFile(join(project, 'main.go'), 'utf8')).toBe('my own edit');
    expect(store.rewindStackLen()).toBe(1);
    await store.rewindTo(index, 'both', { allowDrift: true });
    expect(await readFile(join(project, 'main.go'), 'utf8')).toBe('v0');
  });

  it('a restore never touches a file the undone runs did not write', async () => {
    const { store, project } = await setUp();
    await writeFile(join(project, 'other.txt'), 'untouched');
    const index = await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    const before = await stat(join(project, 'other.txt'));
    await store.rewindTo(index);
    expect((await stat(join(project, 'other.txt'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('a run that is not on the stack cannot be undone, naming the run and the session', async () => {
    const { store } = await setUp();
    await expect(store.rewindTo(7)).rejects.toThrow(`run 7 of session ${store.sessionId()} cannot be undone`);
  });
});

describe('rewind property', () => {
  it('any runs, applies and rewinds leave the tree and histories exactly as before the undone runs', async () => {
    const pathArb = fc.constantFrom('a.txt', 'b.txt', 'dir/c.txt', 'dir/sub/d.txt');
    const writeArb = fc.record({ path: pathArb, content: fc.string({ maxLength: 12 }), delete: fc.boolean() });
    const runArb = fc.array(writeArb, { maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.array(runArb, { minLength: 1, maxLength: 5 }), fc.nat(), fc.constantFrom('both' as const, 'code' as const, 'conversation' as const), async (runs, pick, mode) => {
        const { store, project } = await setUp();
        const states: { files: Record<string, string>; histories: string }[] = [];
        const indexes: number[] = [];
        for (const [i, writes] of runs.entries()) {
          states.push({ files: await tree(project), histories: JSON.stringify(store.histories()) });
          indexes.push(await runAndApply(store, project, `run ${i}`, writes.map((w) => ({ ...w, delete: w.delete || undefined }))));
        }
        const target = pick % runs.length;
        const filesNow = await tree(project);
        const historiesNow = JSON.stringify(store.histories());
        await store.rewindTo(indexes[target], mode);
        const files = await tree(project);
        expect(files).toEqual(mode === 'conversation' ? filesNow : states[target].files);
        expect(JSON.stringify(store.histories())).toBe(mode === 'code' ? historiesNow : states[target].histories);
        await store.close();
      }),
      { numRuns: 40 },
    );
  });
});

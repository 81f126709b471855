import { mkdir, readFile, stat, writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, loadMetadata } from '../../store/session-files.js';
import { defaultRecipe } from '../../store/recipe/index.js';
import { promptHash } from '../../store/text.js';
import { snapshotFiles, applyWrites } from '../../store/file-snapshots.js';
import { openFreshStore, reopenStore, response } from '../helpers/store-fixture.js';

describe('Store: conversation histories', () => {
  it('appendHistories adds the prompt and the answer for each panel without error and with text, and returns the lengths before', async () => {
    const { store } = await openFreshStore();
    const before = await store.appendHistories(['a', 'b', 'c'], [response('a'), response('b', { error: 'HTTP 500' }), response('c', { text: '' })], 'hello');
    expect(before).toEqual({ a: 0, b: 0, c: 0 });
    expect(store.histories()).toEqual({
      a: [
        { role: 'user', content: 'hello' },
        { role: 'assistant', content: 'a answer' },
      ],
    });
    const again = await store.appendHistories(['a'], [response('a')], 'more');
    expect(again).toEqual({ a: 2 });
    expect((await loadContent(store.contentPath()))!.histories.a).toHaveLength(4);
  });

  it('truncateHistories cuts back to the given lengths and drops emptied keys; other models untouched', async () => {
    const { store } = await openFreshStore();
    await store.appendHistories(['a', 'b'], [response('a'), response('b')], 'p1');
    await store.appendHistories(['a', 'b'], [response('a'), response('b')], 'p2');
    await store.truncateHistories({ a: 2, b: 0 });
    expect(Object.keys(store.histories())).toEqual(['a']);
    expect(store.histories().a).toHaveLength(2);
    expect(Object.keys((await loadContent(store.contentPath()))!.histories)).toEqual(['a']);
  });

  it('setHistories replaces wholesale and clearHistories wipes, both persisted', async () => {
    const { store } = await openFreshStore();
    await store.setHistories({ m: [{ role: 'user', content: 'summary' }], empty: [] });
    expect(store.histories()).toEqual({ m: [{ role: 'user', content: 'summary' }] });
    await store.clearHistories();
    expect(store.histories()).toEqual({});
    expect((await loadContent(store.contentPath()))!.histories).toEqual({});
  });

  it('a mutator changes memory before it returns', async () => {
    const { store } = await openFreshStore();
    const pending = store.appendHistories(['a'], [response('a')], 'now');
    expect(store.histories().a).toHaveLength(2);
    await pending;
  });
});

describe('Store: prompt history', () => {
  it('records prompts newest first, collapses a repeat of the newest, and persists', async () => {
    const { store, data } = await openFreshStore();
    expect(await store.recordPrompt('one')).toBe(true);
    expect(await store.recordPrompt('one')).toBe(false);
    expect(await store.recordPrompt('two')).toBe(true);
    expect(store.promptHistory()).toEqual(['two', 'one']);
    expect(await readFile(join(data, 'prompt_history.jsonl'), 'utf8')).toBe('"one"\n"two"\n');
  });
});

describe('Store: session state', () => {
  it('persistRunState records the summary, the content and the recipe', async () => {
    const { store } = await openFreshStore({ recipe: defaultRecipe() });
    const long = 'é'.repeat(130);
    const collector = { record: () => undefined, events: (id: string) => (id === 'a' ? [{ type: 'reading', data: 'x.go' }] : []) };
    await store.persistRunState(
      long,
      [
        response('a', { toolCalls: { read_file: 2 }, proposedWrites: [{ path: 'x.go', content: 'package x' }], stopReason: 'complete', steps: 3 }),
        response('b', { reasoningTokens: 9 }),
      ],
      collector,
      ['read_file', 'write_file'],
    );
    const meta = store.metadata();
    expect(meta.prompt_count).toBe(1);
    expect([...meta.first_prompt!]).toHaveLength(120);
    expect(meta.last_prompt).toBe(meta.first_prompt);
    const run = meta.runs[0];
    expect(run).toMatchObject({
      prompt_hash: promptHash(long),
      models: ['a', 'b'],
      latencies_ms: { a: 100, b: 100 },
      costs_usd: { a: 0.01, b: 0.01 },
      input_tokens: { a: 10, b: 10 },
      output_tokens: { a: 20, b: 20 },
      tool_calls: { a: { read_file: 2 } },
      proposed_writes_count: { a: 1 },
    });
    expect(run.config_hash).toBe(store.recipeHash());
    expect(run.config_hash).toMatch(/^rcp_v1_[0-9a-f]{64}$/);
    expect(store.lastActiveTools()).toEqual(['read_file', 'write_file']);
    const content = store.content();
    expect(content.session_id).toBe(store.sessionId());
    expect(content.runs[0].models[0]).toMatchObject({ model_id: 'a', events: [{ type: 'reading', data: 'x.go' }], stop_reason: 'complete', steps: 3 });
    expect(content.runs[0].models[1]).toMatchObject({ model_id: 'b', events: [], reasoning_tokens: 9 });
    expect((await loadMetadata(store.metadataPath()))!.runs).toHaveLength(1);
    expect((await loadContent(store.contentPath()))!.runs).toHaveLength(1);
    expect(await readFile(store.sessionRecipePath(), 'utf8')).toContain('# default');
  });

  it('persistRunState sets first_prompt once and last_prompt every time', async () => {
    const { store } = await openFreshStore();
    await store.persistRunState('first', [response('a')], null, []);
    await store.persistRunState('second', [response('a')], null, []);
    expect(store.metadata()).toMatchObject({ first_prompt: 'first', last_prompt: 'second', prompt_count: 2 });
  });

  it('writes no recipe.md when there is no recipe', async () => {
    const { store } = await openFreshStore({ recipe: null });
    await store.persistRunState('p', [response('a')], null, []);
    await expect(stat(store.sessionRecipePath())).rejects.toThrow();
  });

  it('recordSelection and updateLastRunNote change the newest run; applied_files only when non-empty', async () => {
    const { store } = await openFreshStore();
    await store.recordSelection({ prompt: 'p', selectedModelId: 'a', responses: [] });
    await store.updateLastRunNote('nothing to change');
    expect(store.metadata().runs).toEqual([]);
    await store.persistRunState('p', [response('a'), response('b')], null, []);
    await store.recordSelection({ prompt: 'p', selectedModelId: 'a', responses: [], appliedFiles: [] });
    expect(store.metadata().runs[0].applied_files).toBeUndefined();
    await store.recordSelection({ prompt: 'p', selectedModelId: 'b', responses: [], appliedFiles: ['x.go'] });
    await store.updateLastRunNote('Applied: x.go');
    const onDisk = (await loadMetadata(store.metadataPath()))!.runs[0];
    expect(onDisk).toMatchObject({ selected: 'b', applied_files: ['x.go'], note: 'Applied: x.go' });
    await store.recordSelection({ prompt: 'p', selectedModelId: '', responses: [], rating: 'bad' });
    expect(store.metadata().runs[0]).toMatchObject({ rating: 'bad' });
    expect(store.metadata().runs[0].selected).toBeUndefined();
  });

  it('a reopened session has its histories, runs and working recipe back', async () => {
    const { store } = await openFreshStore({ recipe: defaultRecipe() });
    await store.recordPrompt('p');
    await store.appendHistories(['a'], [response('a')], 'p');
    await store.persistRunState('p', [response('a')], null, ['read_file']);
    const reopened = await reopenStore(store);
    expect(reopened.histories().a).toHaveLength(2);
    expect(reopened.content().runs).toHaveLength(1);
    expect(reopened.metadata().runs).toHaveLength(1);
    expect(reopened.promptHistory()).toEqual(['p']);
    expect(reopened.sessionRecipe()).toEqual(defaultRecipe());
  });
});

describe('Store: rewind', () => {
  it('rewind restores files, truncates histories, appends a marker and prefixes the note', async () => {
    const { store, project } = await openFreshStore();
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'keep.txt'), 'original');
    const writes = [
      { path: 'keep.txt', content: 'changed' },
      { path: 'new/file.txt', content: 'created' },
    ];
    const responses = [response('a', { proposedWrites: writes }), response('b')];
    const lengths = await store.appendHistories(['a', 'b'], responses, 'do it');
    await store.persistRunState('do it', responses, null, []);
    store.pushRewindEntry({ historyLengths: lengths, feedIndex: 0, prompt: 'do it' });
    const snaps = await snapshotFiles(writes, project);
    await applyWrites(writes, project);
    store.pushFileSnapshots(snaps);
    await store.recordSelection({ prompt: 'do it', selectedModelId: 'a', responses, appliedFiles: ['keep.txt', 'new/file.txt'] });
    await store.updateLastRunNote('Applied: keep.txt, new/file.txt');
    expect(store.canRewind()).toBe(true);

    const result = await store.rewind();
    expect(result).toEqual({ fileMsg: '', feedIndex: 0, note: '[rewound] Applied: keep.txt, new/file.txt' });
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('original');
    await expect(stat(join(project, 'new/file.txt'))).rejects.toThrow();
    expect(store.histories()).toEqual({});
    const runs = (await loadMetadata(store.metadataPath()))!.runs;
    expect(runs[0].note).toBe('[rewound] Applied: keep.txt, new/file.txt');
    expect(runs[1]).toMatchObject({ type: 'rewind', prompt_hash: promptHash('do it'), prompt_preview: '', models: null });
    expect(store.rewindStackLen()).toBe(0);
  });

  it('a run with an empty note becomes "[rewound]" alone', async () => {
    const { store } = await openFreshStore();
    await store.persistRunState('p', [response('a')], null, []);
    store.pushRewindEntry({ historyLengths: {}, feedIndex: 0, prompt: 'p' });
    expect((await store.rewind()).note).toBe('[rewound]');
  });

  it('a restore error becomes a warning and the rest of the rewind still happens', async () => {
    const { store, project } = await openFreshStore();
    await mkdir(project, { recursive: true });
    await store.appendHistories(['a'], [response('a')], 'p');
    await store.persistRunState('p', [response('a')], null, []);
    store.pushRewindEntry({ historyLengths: { a: 0 }, feedIndex: 0, prompt: 'p' });
    store.pushFileSnapshots([{ path: '/etc/outside-the-project', content: Buffer.from('x'), didNotExist: false }]);
    const result = await store.rewind();
    expect(result.fileMsg).toMatch(/^ \(file restore warning: .*outside-the-project/);
    expect(store.histories()).toEqual({});
    expect(store.metadata().runs[1].type).toBe('rewind');
  });

  it('rejects when there is nothing to rewind; clearRewindStack empties it', async () => {
    const { store } = await openFreshStore();
    await expect(store.rewind()).rejects.toThrow('nothing to rewind');
    store.pushRewindEntry({ historyLengths: {}, feedIndex: 0, prompt: 'p' });
    store.pushRewindEntry({ historyLengths: {}, feedIndex: 1, prompt: 'q' });
    expect(store.rewindStackLen()).toBe(2);
    store.clearRewindStack();
    expect(store.canRewind()).toBe(false);
  });
});

describe('Store: cost', () => {
  it('accumulateCost only adds; costPerModel is this process’s spend', async () => {
    const { store } = await openFreshStore();
    store.accumulateCost('a', 0.5);
    store.accumulateCost('a', 0.25);
    store.accumulateCost('b', 1);
    expect(store.costPerModel()).toEqual({ a: 0.75, b: 1 });
    expect(store.totalCost()).toBe(1.75);
  });
});

describe('Store: recipes', () => {
  it('without a recipe the snapshot is {name: "default"}; without a recipe store the hash is empty', async () => {
    const { store } = await openFreshStore({ recipe: null, withRecipeStore: false });
    expect(store.buildRecipeSnapshot()).toEqual({ name: 'default' });
    expect(store.recipeHash()).toBe('');
    expect(store.recipeNameLookup()('rcp_v1_x')).toBe('');
  });

  it('recipeHash puts the snapshot and the lookup resolves its name; the session recipe wins over the base', async () => {
    const base = defaultRecipe();
    const { store, data } = await openFreshStore({ recipe: base });
    const baseHash = store.recipeHash();
    expect(store.recipeNameLookup()(baseHash)).toBe('default');
    store.setSessionRecipe({ ...base, name: 'mine' });
    expect(store.activeRecipe()!.name).toBe('mine');
    const mineHash = store.recipeHash();
    expect(mineHash).not.toBe(baseHash);
    expect(store.recipeNameLookup()(mineHash)).toBe('mine');
    await store.flush();
    expect(Object.keys(JSON.parse(await readFile(join(data, 'recipes.json'), 'utf8'))).sort()).toEqual([baseHash, mineHash].sort());
    expect(store.recipesDir()).toBe(join(data, 'recipes'));
    expect(store.sessionsDir()).toBe(join(data, 'sessions'));
  });
});

describe('Store: checkpoint', () => {
  it('loadCheckpoint is null without one and clearCheckpoint removes it', async () => {
    const { store } = await openFreshStore();
    expect(await store.loadCheckpoint()).toBeNull();
    await mkdir(join(store.sessionsDir(), store.sessionId()), { recursive: true });
    await writeFile(store.checkpointPath(), JSON.stringify({ prompt: 'p', timestamp: '2026-01-01T00:00:00Z', adapter_ids: ['a'], responses: null, verbose: false }));
    expect((await store.loadCheckpoint())!.responses).toEqual([]);
    await store.clearCheckpoint();
    expect(await store.loadCheckpoint()).toBeNull();
    await store.clearCheckpoint();
  });
});

describe('Store: write failures', () => {
  it('a failed write rejects with an error naming the file, keeps memory, and flush reports it once', async () => {
    const { store } = await openFreshStore();
    await store.saveInitialMeta();
    const dir = join(store.sessionsDir(), store.sessionId());
    await chmod(dir, 0o500);
    try {
      if (process.getuid?.() === 0) return; // root ignores directory permissions
      const unawaited = store.appendHistories(['a'], [response('a')], 'p');
      await expect(unawaited).rejects.toThrow(store.contentPath());
      expect(store.histories().a).toHaveLength(2);
      await expect(store.flush()).rejects.toThrow(store.contentPath());
      await store.flush();
    } finally {
      await chmod(dir, 0o700);
    }
  });

  it('a write nobody awaited does not crash the process; flush reports it', async () => {
    const { store } = await openFreshStore();
    await mkdir(join(store.sessionsDir()), { recursive: true });
    await writeFile(join(store.sessionsDir(), store.sessionId()), 'a file where the session directory should be');
    void store.appendHistories(['a'], [response('a')], 'p');
    await expect(store.flush()).rejects.toThrow(store.contentPath());
    expect(store.histories().a).toHaveLength(2);
  });
});

describe('Store: unknown prices', () => {
  it('a cost of NaN (unknown price) is left out of costs_usd and of the spend, never written as $0', async () => {
    const { store } = await openFreshStore();
    await store.persistRunState('p', [response('a', { costUsd: Number.NaN }), response('b', { costUsd: 0.5 })], null, []);
    expect(store.metadata().runs[0].costs_usd).toEqual({ b: 0.5 });
    store.accumulateCost('a', Number.NaN);
    store.accumulateCost('b', 0.5);
    expect(store.costPerModel()).toEqual({ b: 0.5 });
    expect(store.totalCost()).toBe(0.5);
  });
});

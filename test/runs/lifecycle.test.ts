// The run lifecycle against the Store's real files: record, choose, rewind, Esc, /resume, /compact.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMetadata } from '../../store/index.js';
import { applyChoice, compactSession, startRun } from '../../src/runs/index.js';
import type { CompletedRun } from '../../src/runs/index.js';
import { activeRecipeOf, runSettings } from '../../src/runs/run-settings.js';
import { drive, openRunStore, recipeWith, runPrompt, waitForUpdate } from './support/run-fixture.js';

const demo = ['demo/alpha', 'demo/beta', 'demo/gamma'];

beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '5');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a completed run', () => {
  it('is recorded: prompt, run summary and content, histories, cost, a rewind entry, and no checkpoint left', async () => {
    const opened = await openRunStore();
    const { store } = opened;
    const driven = drive(opened, demo, 'write a.txt: hi');
    const run = await driven.result;
    expect(run).toMatchObject({ prompt: 'write a.txt: hi', feedIndex: 0, cancelled: false });
    expect(store.promptHistory()[0]).toBe('write a.txt: hi');
    const onDisk = await loadMetadata(store.metadataPath());
    expect(onDisk?.runs).toHaveLength(1);
    expect(onDisk?.runs[0].models).toEqual(demo);
    expect(onDisk?.runs[0].proposed_writes_count).toEqual({ 'demo/alpha': 1, 'demo/beta': 1 });
    const content = JSON.parse(await readFile(store.contentPath(), 'utf8'));
    expect(content.runs[0].models[0].events).toContainEqual({ type: 'writing', data: 'write_file a.txt' });
    expect(content.runs[0].models[0].stop_reason).toBe('complete');
    expect(Object.keys(content.histories).sort()).toEqual(demo);
    expect(store.rewindEntries()[0]).toMatchObject({ historyLengths: { 'demo/alpha': 0, 'demo/beta': 0, 'demo/gamma': 0 }, feedIndex: 0, prompt: 'write a.txt: hi' });
    expect(store.totalCost()).toBeCloseTo(run.responses.reduce((sum, r) => sum + r.costUsd, 0), 12);
    expect(store.lastActiveTools()).toEqual(['read_file', 'write_file', 'edit_file', 'delete_file', 'list_directory', 'search_files', 'search_code']);
    expect(existsSync(store.checkpointPath())).toBe(false);
    expect(driven.updates.at(-1)?.models.map((m) => m.status)).toEqual(['done', 'done', 'done']);
  });

  it('keeps checkpoint.json on disk while models run, listing every model', async () => {
    // a slow prompt streams for 50 units and more: 1.5 s, time for the checkpoint's write on a busy machine
    vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '30');
    const opened = await openRunStore();
    const driven = drive(opened, demo, 'slow please');
    await waitForUpdate(driven, (u) => u.models[0].text.length > 0);
    // it is written as the first answers stream: wait for it, not for one moment
    const checkpoint = await vi.waitFor(async () => (await opened.store.loadCheckpoint()) ?? Promise.reject(new Error('no checkpoint yet')), { timeout: 1000, interval: 10 });
    expect(driven.updates.at(-1)?.models.some((m) => m.status === 'running')).toBe(true);
    expect(checkpoint?.adapter_ids).toEqual(demo);
    expect(checkpoint?.responses.map((r) => r.model_id)).toEqual(demo);
    await driven.result;
    expect(await opened.store.loadCheckpoint()).toBeNull();
  });

  it('pushes updates to the panels at most every 50 ms, plus a final one', async () => {
    const opened = await openRunStore();
    const times: number[] = [];
    const context = { store: opened.store, models: demo, projectRoot: opened.project, verbose: false };
    await startRun(context, 'slow', () => times.push(performance.now())).result;
    const gaps = times.slice(1, -1).map((t, i) => t - times[i]);
    expect(times.length).toBeGreaterThan(3);
    expect(times.length).toBeLessThan(30);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(45);
  });

  it('sends each model only the last max_history_turns exchanges of its own history', async () => {
    const opened = await openRunStore(recipeWith((r) => (r.context.maxHistoryTurns = 1)));
    await runPrompt(opened, ['demo/alpha'], 'one');
    await runPrompt(opened, ['demo/alpha'], 'two');
    const third = await runPrompt(opened, ['demo/alpha'], 'three');
    const history = opened.store.histories()['demo/alpha'];
    expect(history).toHaveLength(6);
    const window = history[2].content.length + history[3].content.length;
    const system = runSettings(activeRecipeOf(opened.store)).system.length;
    expect(third.responses[0].inputTokens).toBe(Math.ceil((system + window + 'three'.length) / 4));
  });

  it('with verbose on, records a request event for each turn', async () => {
    const opened = await openRunStore();
    await drive(opened, ['demo/alpha'], 'write a.txt: x', { verbose: true }).result;
    const events = opened.store.content().runs[0].models[0].events;
    expect(events.filter((e) => e.type === 'request').map((e) => e.data)).toEqual(['turn 1: 1 messages, 7 tools', 'turn 2: 3 messages, 7 tools']);
  });

  it('stops a model at max_steps, keeping what it proposed so far', async () => {
    const opened = await openRunStore(recipeWith((r) => (r.constraints.maxSteps = 1)));
    const run = await runPrompt(opened, ['demo/alpha'], 'write a.txt: x');
    expect(run.responses[0]).toMatchObject({ stopReason: 'max_steps', steps: 1, proposedWrites: [{ path: 'a.txt', content: 'x' }] });
    expect(run.responses[0].error).toBeUndefined();
  });

  it('a model that cannot run (no key) fails on its own with what to set', async () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    vi.stubEnv('OPENAI_BASE_URL', '');
    const opened = await openRunStore();
    const run = await runPrompt(opened, ['openai/gpt-4.1', 'demo/alpha'], 'hi');
    expect(run.responses[0].error).toBe('openai/gpt-4.1 cannot run: set OPENAI_API_KEY');
    expect(run.responses[1].error).toBeUndefined();
  });
});

describe('the choice after a run', () => {
  it('pick applies the writes, records the selection and note, and rewind undoes it', async () => {
    const opened = await openRunStore();
    const { store, project } = opened;
    await writeFile(join(project, 'keep.txt'), 'before');
    const run = await runPrompt(opened, demo, 'write keep.txt: after\nwrite sub/new.txt: created');
    const result = await applyChoice(store, run, { kind: 'pick', modelId: 'demo/beta' }, project);
    expect(result).toEqual({ note: 'Applied: keep.txt, sub/new.txt', applied: ['keep.txt', 'sub/new.txt'] });
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('AFTER');
    expect(await readFile(join(project, 'sub/new.txt'), 'utf8')).toBe('CREATED');
    const summary = (await loadMetadata(store.metadataPath()))!.runs[0];
    expect(summary).toMatchObject({ selected: 'demo/beta', applied_files: ['keep.txt', 'sub/new.txt'], note: 'Applied: keep.txt, sub/new.txt' });

    const rewound = await store.rewind();
    expect(rewound.fileMsg).toBe('');
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('before');
    expect(existsSync(join(project, 'sub/new.txt'))).toBe(false);
    expect(store.histories()).toEqual({});
  });

  it('pick without writes is a vote; skip and rate leave their notes', async () => {
    const opened = await openRunStore();
    const { store, project } = opened;
    const voted = await runPrompt(opened, demo, 'just talk');
    expect(await applyChoice(store, voted, { kind: 'pick', modelId: 'demo/gamma' }, project)).toEqual({ note: 'Voted for: demo/gamma', applied: [] });
    expect(store.metadata().runs[0]).toMatchObject({ selected: 'demo/gamma', note: 'Voted for: demo/gamma' });
    expect(store.metadata().runs[0].applied_files).toBeUndefined();

    const skipped = await runPrompt(opened, demo, 'again');
    expect((await applyChoice(store, skipped, { kind: 'skip' }, project)).note).toBe('Skipped.');
    expect(store.metadata().runs[1]).toMatchObject({ note: 'Skipped.' });
    expect(store.metadata().runs[1].selected).toBeUndefined();

    const single = await runPrompt(opened, ['demo/alpha'], 'rate me');
    expect((await applyChoice(store, single, { kind: 'rate', rating: 'bad' }, project)).note).toBe('Rated bad: demo/alpha');
    expect(store.metadata().runs[2]).toMatchObject({ selected: 'demo/alpha', rating: 'bad', note: 'Rated bad: demo/alpha' });
    const good = await runPrompt(opened, ['demo/alpha'], 'rate me well');
    expect((await applyChoice(store, good, { kind: 'rate', rating: 'good' }, project)).note).toBe('Rated good: demo/alpha');
    expect(store.metadata().runs[3]).toMatchObject({ selected: 'demo/alpha', rating: 'good' });
  });

  it('a refused path throws naming it, and nothing is applied', async () => {
    const opened = await openRunStore();
    const { store, project } = opened;
    const run = await runPrompt(opened, ['demo/alpha'], 'write ok.txt: fine');
    const tampered: CompletedRun = {
      ...run,
      responses: [{ ...run.responses[0], proposedWrites: [{ path: 'ok.txt', content: 'fine' }, { path: '../outside.txt', content: 'bad' }] }],
    };
    await expect(applyChoice(store, tampered, { kind: 'pick', modelId: 'demo/alpha' }, project)).rejects.toThrow('../outside.txt');
    expect(existsSync(join(project, 'ok.txt'))).toBe(false);
    expect(store.metadata().runs[0].selected).toBeUndefined();
    expect(store.metadata().runs[0].note).toBeUndefined();
  });

  it('a cancelled run cannot be chosen from: only /resume finishes it', async () => {
    const opened = await openRunStore();
    await runPrompt(opened, ['demo/alpha'], 'earlier run');
    const driven = drive(opened, ['demo/alpha'], 'slow one');
    await waitForUpdate(driven, (u) => u.models[0].text.length > 0);
    driven.handle.cancel();
    const cancelled = await driven.result;
    await expect(applyChoice(opened.store, cancelled, { kind: 'skip' }, opened.project)).rejects.toThrow('/resume');
    expect(opened.store.metadata().runs[0].note).toBeUndefined();
    expect(opened.store.metadata().runs[1].note).toBe('Interrupted (demo/alpha). /resume to continue.');
  });
});

describe('Esc and /resume', () => {
  it('Esc stops every model and records the run as Errata does (checkpoint kept); /resume re-runs only the unfinished models and records it again', async () => {
    vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '8');
    const opened = await openRunStore();
    const { store } = opened;
    const driven = drive(opened, demo, 'slow work');
    await waitForUpdate(driven, (u) => u.models[0].status === 'done');
    driven.handle.cancel();
    const cancelled = await driven.result;
    expect(cancelled).toMatchObject({ cancelled: true, feedIndex: 0 });
    const [alpha, beta, gamma] = cancelled.responses;
    expect(alpha.interrupted).toBeUndefined();
    for (const r of [beta, gamma]) {
      expect(r).toMatchObject({ interrupted: true, stopReason: 'cancelled', error: 'context canceled' });
      expect(r.text.length).toBeGreaterThan(0);
      expect(r.outputTokens).toBeGreaterThan(0);
    }
    // Errata's UI records it: histories of the model that finished, a run with its note, a rewind entry
    expect(store.metadata().runs).toHaveLength(1);
    expect(store.metadata().runs[0].note).toBe(`Interrupted (${[beta, gamma].sort((a, b) => a.latencyMs - b.latencyMs).map((r) => r.modelId).join(', ')}). /resume to continue.`);
    expect(store.metadata().prompt_count).toBe(1);
    expect(Object.keys(store.histories())).toEqual(['demo/alpha']);
    expect(store.rewindStackLen()).toBe(1);
    expect(store.costPerModel()['demo/beta']).toBeCloseTo(beta.costUsd, 12);
    const checkpoint = await store.loadCheckpoint();
    expect(checkpoint?.responses.map((r) => [r.model_id, r.completed, r.interrupted, r.error ?? ''])).toEqual([
      ['demo/alpha', true, false, ''],
      ['demo/beta', false, true, 'context canceled'],
      ['demo/gamma', false, true, 'context canceled'],
    ]);

    const resumed = drive(opened, [], '', { resume: checkpoint! });
    const run = await resumed.result;
    expect(resumed.updates[0].models.map((m) => [m.status, m.resumed ?? false])).toEqual([
      ['done', true],
      ['running', false],
      ['running', false],
    ]);
    expect(run).toMatchObject({ prompt: 'slow work', feedIndex: 1, cancelled: false });
    expect(run.responses[0]).toMatchObject({ text: alpha.text, latencyMs: alpha.latencyMs });
    expect(run.responses[1].text).toContain('You asked: "slow work".');
    expect(run.responses[2].stopReason).toBe('complete');
    // as Errata's /resume: a second run of the prompt, the kept model's turns appended again
    expect(store.metadata().runs).toHaveLength(2);
    expect(store.metadata().prompt_count).toBe(2);
    expect(Object.keys(store.histories()).sort()).toEqual(demo);
    expect(store.histories()['demo/alpha']).toHaveLength(4);
    expect(store.histories()['demo/beta']).toHaveLength(2);
    expect(await store.loadCheckpoint()).toBeNull();
    expect(store.promptHistory().filter((p) => p === 'slow work')).toHaveLength(1);
  });

  it('Esc before the models start still ends the run as cancelled', async () => {
    const opened = await openRunStore();
    const driven = drive(opened, ['demo/alpha'], 'quick');
    driven.handle.cancel();
    const run = await driven.result;
    expect(run.cancelled).toBe(true);
    expect(run.responses[0]).toMatchObject({ interrupted: true, stopReason: 'cancelled' });
    expect(driven.updates.at(-1)?.models[0].status).toBe('cancelled');
  });
});

describe('/compact and auto-compaction', () => {
  it('/compact replaces each history with the summary request and the summary, and clears the rewind stack', async () => {
    const opened = await openRunStore(recipeWith((r) => (r.context.summarizationPrompt = 'Sum it up.')));
    const { store } = opened;
    await runPrompt(opened, ['demo/alpha', 'demo/beta'], 'first');
    expect(store.rewindStackLen()).toBe(1);
    const message = await compactSession(store, ['demo/alpha', 'demo/beta', 'demo/gamma']);
    expect(message).toBe('Compacted 2 histories: demo/alpha 2 → 2 turns, demo/beta 2 → 2 turns.');
    expect(store.histories()['demo/beta']).toEqual([
      { role: 'user', content: 'Sum it up.' },
      { role: 'assistant', content: '[demo/beta] Summary of 2 earlier turns. The user asked: "first".' },
    ]);
    expect(store.rewindStackLen()).toBe(0);
    const onDisk = JSON.parse(await readFile(store.contentPath(), 'utf8'));
    expect(onDisk.histories['demo/alpha'][0].content).toBe('Sum it up.');
    expect(await compactSession(store, ['demo/gamma'])).toBe('Nothing to compact: no model has a history yet.');
  });

  it('with strategy auto_compact, a history past the threshold of the context window is compacted before the run', async () => {
    const opened = await openRunStore(recipeWith((r) => (r.context.strategy = 'auto_compact')));
    const { store } = opened;
    const long = 'x'.repeat(30_000);
    await store.setHistories({ 'demo/alpha': [{ role: 'user', content: long }, { role: 'assistant', content: 'ok' }], 'demo/beta': [{ role: 'user', content: 'short' }, { role: 'assistant', content: 'ok' }] });
    await runPrompt(opened, ['demo/alpha', 'demo/beta'], 'next');
    const alpha = store.histories()['demo/alpha'];
    expect(alpha).toHaveLength(4);
    expect(alpha[1].content).toMatch(/^\[demo\/alpha\] Summary of 2 earlier turns/);
    expect(alpha[2]).toEqual({ role: 'user', content: 'next' });
    expect(store.histories()['demo/beta']).toHaveLength(4);
    expect(store.histories()['demo/beta'][0].content).toBe('short');
  });

  it('with strategy manual, the same history is left alone', async () => {
    const opened = await openRunStore();
    const { store } = opened;
    await store.setHistories({ 'demo/alpha': [{ role: 'user', content: 'x'.repeat(30_000) }, { role: 'assistant', content: 'ok' }] });
    await runPrompt(opened, ['demo/alpha'], 'next');
    expect(store.histories()['demo/alpha'][0].content).toHaveLength(30_000);
  });
});

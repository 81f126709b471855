// The demo models' rules, each through the real run path (adapter, agent loop, tools, Store).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compactSession, resolveModels } from '../../src/runs/index.js';
import { activeRecipeOf, runSettings } from '../../src/runs/run-settings.js';
import { drive, openRunStore, runPrompt } from './support/run-fixture.js';

const demo = ['demo/alpha', 'demo/beta', 'demo/gamma'];

beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '5');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('demo models', () => {
  it('answer every prompt with a text that names the model and the prompt', async () => {
    const opened = await openRunStore();
    const run = await runPrompt(opened, demo, 'explain the build');
    expect(run.responses.map((r) => r.modelId)).toEqual(demo);
    for (const response of run.responses) {
      expect(response.text).toContain(response.modelId);
      expect(response.text).toContain('explain the build');
      expect(response.error).toBeUndefined();
      expect(response.stopReason).toBe('complete');
    }
  });

  it('write PATH: TEXT makes alpha propose TEXT, beta TEXT in upper case, gamma nothing', async () => {
    const opened = await openRunStore();
    const run = await runPrompt(opened, demo, 'please\nwrite notes/hello.txt: Hello there');
    const [alpha, beta, gamma] = run.responses;
    expect(alpha.proposedWrites).toEqual([{ path: 'notes/hello.txt', content: 'Hello there', created: true }]);
    expect(beta.proposedWrites).toEqual([{ path: 'notes/hello.txt', content: 'HELLO THERE', created: true }]);
    expect(gamma.proposedWrites ?? []).toEqual([]);
    expect(alpha.toolCalls).toEqual({ write_file: 1 });
    expect(alpha.steps).toBe(2);
  });

  it('delete PATH proposes a deletion of an existing file (gamma proposes nothing)', async () => {
    const opened = await openRunStore();
    await writeFile(join(opened.project, 'old.txt'), 'old');
    const run = await runPrompt(opened, demo, 'delete old.txt');
    expect(run.responses[0].proposedWrites).toEqual([{ path: 'old.txt', content: '', delete: true }]);
    expect(run.responses[1].proposedWrites).toEqual([{ path: 'old.txt', content: '', delete: true }]);
    expect(run.responses[2].proposedWrites ?? []).toEqual([]);
  });

  it('a proposed path outside the project is refused back to the model, which says so and proposes nothing', async () => {
    const opened = await openRunStore();
    const run = await runPrompt(opened, ['demo/alpha'], 'write ../escape.txt: nope');
    const [alpha] = run.responses;
    expect(alpha.proposedWrites ?? []).toEqual([]);
    expect(alpha.error).toBeUndefined();
    expect(alpha.text).toContain('../escape.txt');
    expect(alpha.text).toContain('outside the project root');
  });

  it('a prompt containing "fail" makes gamma fail with an error while alpha and beta carry on', async () => {
    const opened = await openRunStore();
    const run = await runPrompt(opened, demo, 'this should fail');
    const [alpha, beta, gamma] = run.responses;
    expect(gamma.error).toMatch(/demo\/gamma failed/);
    expect(gamma.stopReason).toBe('error');
    expect(alpha.error).toBeUndefined();
    expect(beta.error).toBeUndefined();
    expect(run.feedIndex).toBe(0);
  });

  it('a prompt containing "slow" streams for about 60 delay units (alpha 50, beta 60, gamma 70)', async () => {
    vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '4');
    const opened = await openRunStore();
    const driven = drive(opened, demo, 'go slow');
    const run = await driven.result;
    const [alpha, beta, gamma] = run.responses;
    expect(alpha.latencyMs).toBeGreaterThanOrEqual(50 * 4 - 5);
    expect(beta.latencyMs).toBeGreaterThanOrEqual(60 * 4 - 5);
    expect(gamma.latencyMs).toBeGreaterThanOrEqual(70 * 4 - 5);
    // the text arrives in pieces: some update shows alpha part-way through
    expect(driven.updates.some((u) => u.models[0].status === 'running' && u.models[0].text.length > 0)).toBe(true);
  });

  it('usual latency follows BAKEOFF_DEMO_DELAY_MS: alpha 2 units, beta 3, gamma 4', async () => {
    vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '30');
    const opened = await openRunStore();
    const run = await runPrompt(opened, demo, 'hello');
    const [alpha, beta, gamma] = run.responses;
    expect(alpha.latencyMs).toBeGreaterThanOrEqual(60 - 5);
    expect(beta.latencyMs).toBeGreaterThanOrEqual(90 - 5);
    expect(gamma.latencyMs).toBeGreaterThanOrEqual(120 - 5);
    expect(alpha.latencyMs).toBeLessThan(gamma.latencyMs);
  });

  it('count tokens as characters / 4 of system prompt + history + prompt in and text out', async () => {
    const opened = await openRunStore();
    const system = runSettings(activeRecipeOf(opened.store)).system.length;
    const prompt = 'count my tokens please';
    const first = await runPrompt(opened, ['demo/alpha'], prompt);
    const answer = first.responses[0];
    expect(answer.inputTokens).toBe(Math.ceil((system + prompt.length) / 4));
    expect(answer.outputTokens).toBe(Math.ceil(answer.text.length / 4));
    const second = await runPrompt(opened, ['demo/alpha'], 'again');
    expect(second.responses[0].inputTokens).toBe(Math.ceil((system + prompt.length + answer.text.length + 'again'.length) / 4));
  });

  it('price tokens at the demo prices and label them as demo prices', async () => {
    const opened = await openRunStore();
    const run = await runPrompt(opened, demo, 'price check');
    const rates: Record<string, [number, number]> = { 'demo/alpha': [1, 2], 'demo/beta': [3, 15], 'demo/gamma': [0.5, 1.5] };
    for (const r of run.responses) {
      const [input, output] = rates[r.modelId];
      expect(r.costUsd).toBeCloseTo((r.inputTokens * input + r.outputTokens * output) / 1e6, 12);
    }
    const { models, problems } = resolveModels(demo, {});
    expect(problems).toEqual([]);
    expect(models.map((m) => m.priceLabel)).toEqual(['demo prices', 'demo prices', 'demo prices']);
  });

  it('/compact on the demo models yields a deterministic summary quoting the earlier prompts', async () => {
    const opened = await openRunStore();
    await runPrompt(opened, ['demo/alpha'], 'first question');
    await runPrompt(opened, ['demo/alpha'], 'second question');
    const message = await compactSession(opened.store, ['demo/alpha']);
    expect(message).toBe('Compacted 1 history: demo/alpha 4 → 2 turns.');
    const history = opened.store.histories()['demo/alpha'];
    expect(history).toHaveLength(2);
    expect(history[1].content).toBe('[demo/alpha] Summary of 4 earlier turns. The user asked: "first question"; "second question".');
  });
});

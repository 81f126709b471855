// Token counts from a provider (a local OpenAI-format server) are checked: negative, fractional or absurd
// counts make the turn's usage unknown, estimated from the characters instead, said once in the model's
// events, and never reach the run's tokens, cost or stats.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadMetadata } from '../../store/index.js';
import { startFakeModelServer, type FakeModelServer } from './support/fake-model-server.js';
import { openRunStore, runPrompt } from './support/run-fixture.js';

let server: FakeModelServer | undefined;
beforeEach(() => vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '1'));
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

describe('numbers from a provider', () => {
  it.each([
    ['negative input tokens', -100_000_000, 5],
    ['absurd output tokens', 10, 1e15],
    ['fractional tokens', 10.5, 5],
  ])('%s are recorded as unknown (estimated), said once, never summed', async (_name, input, output) => {
    server = await startFakeModelServer('openai', [{ kind: 'stream', text: ['short answer'], usage: { input, output } }]);
    vi.stubEnv('OPENAI_BASE_URL', server.baseURL);
    vi.stubEnv('OPENAI_API_KEY', 'sk-test-0123456789');
    const opened = await openRunStore();
    const run = await runPrompt(opened, ['openai/gpt-4.1'], 'hi');
    const [answer] = run.responses;
    expect(answer.inputTokens).toBeGreaterThanOrEqual(0);
    expect(answer.inputTokens).toBeLessThan(10_000);
    expect(answer.outputTokens).toBeLessThan(10_000);
    expect(answer.costUsd).toBeLessThan(1);
    const summary = (await loadMetadata(opened.store.metadataPath()))!.runs[0];
    expect(summary.input_tokens?.['openai/gpt-4.1']).toBeLessThan(10_000);
    expect(summary.input_tokens?.['openai/gpt-4.1']).toBeGreaterThanOrEqual(0);
    expect(summary.costs_usd?.['openai/gpt-4.1'] ?? 0).toBeLessThan(1);
    const content = JSON.parse(await (await import('node:fs/promises')).readFile(opened.store.contentPath(), 'utf8'));
    const said = (content.runs[0].models[0].events as { type: string; data: string }[]).filter((e) => e.data.includes('usage is unknown'));
    expect(said).toHaveLength(1);
  });
});

describe('secrets in provider errors', () => {
  it('a 401 body echoing the key, and user info in the base URL, are redacted before they are stored or shown', async () => {
    server = await startFakeModelServer('openai', [{ kind: 'status', status: 401, message: 'Incorrect API key: Bearer sk-live-abcdef0123456789 (x-api-key: sk-ant-zzzzzzzzzzzz)' }]);
    vi.stubEnv('OPENAI_BASE_URL', server.baseURL.replace('http://', 'http://admin:hunter2@'));
    vi.stubEnv('OPENAI_API_KEY', 'sk-live-abcdef0123456789');
    const opened = await openRunStore();
    const run = await runPrompt(opened, ['openai/gpt-4.1'], 'hi');
    expect(run.responses[0].error).toContain('[redacted]');
    const stored = await (await import('node:fs/promises')).readFile(opened.store.contentPath(), 'utf8');
    expect(stored + (run.responses[0].error ?? '')).not.toMatch(/sk-live-abcdef0123456789|sk-ant-zzzz|hunter2/);
  });
});

// Real models through the real AI SDK adapters, against a local server speaking each wire format:
// streaming, tools that read and propose writes, usage and cost, errors, timeout, Esc, bad tool calls.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calcPrice } from '@pydantic/genai-prices';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolveModels } from '../../src/runs/index.js';
import { startFakeModelServer, toolResultsIn, type FakeModelServer, type Reply, type WireFormat } from './support/fake-model-server.js';
import { drive, openRunStore, recipeWith, runPrompt, waitForUpdate } from './support/run-fixture.js';

const wires: { format: WireFormat; model: string; catalog: [string, string]; env: (baseURL: string) => Record<string, string> }[] = [
  { format: 'openai', model: 'openai/gpt-4.1', catalog: ['gpt-4.1', 'openai'], env: (url) => ({ OPENAI_BASE_URL: url, OPENAI_API_KEY: 'test-key' }) },
  {
    format: 'anthropic',
    model: 'anthropic/claude-sonnet-4-5',
    catalog: ['claude-sonnet-4-5', 'anthropic'],
    env: (url) => ({ ANTHROPIC_BASE_URL: url, ANTHROPIC_API_KEY: 'test-key' }),
  },
];

let server: FakeModelServer | undefined;

beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '5');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

describe.each(wires)('$format wire format', ({ format, model, catalog, env }) => {
  async function serve(replies: Reply[]): Promise<FakeModelServer> {
    server = await startFakeModelServer(format, replies);
    for (const [name, value] of Object.entries(env(server.baseURL))) vi.stubEnv(name, value);
    return server;
  }

  it('streams text to the panels as it arrives', async () => {
    await serve([{ kind: 'stream', text: ['Hel', 'lo ', 'world'], delayMs: 40, usage: { input: 10, output: 3 } }]);
    const opened = await openRunStore();
    const driven = drive(opened, [model], 'say hello');
    const partial = await waitForUpdate(driven, (u) => u.models[0].status === 'running' && u.models[0].text.length > 0);
    expect('Hello world'.startsWith(partial.models[0].text)).toBe(true);
    expect(partial.models[0].text).not.toBe('Hello world');
    const run = await driven.result;
    expect(run.responses[0].text).toBe('Hello world');
    expect(run.responses[0].stopReason).toBe('complete');
    expect(driven.updates.at(-1)?.models[0].status).toBe('done');
  });

  it('runs read tools at once and turns writes into proposals, without touching the disk', async () => {
    const fake = await serve([
      { kind: 'stream', toolCalls: [{ id: 'call_1', name: 'read_file', args: '{"path":"a.txt"}' }], usage: { input: 50, output: 10 } },
      {
        kind: 'stream',
        toolCalls: [
          { id: 'call_2', name: 'edit_file', args: '{"path":"a.txt","old_string":"original","new_string":"changed"}' },
          { id: 'call_3', name: 'write_file', args: '{"path":"new/b.txt","content":"fresh"}' },
        ],
        usage: { input: 80, output: 20 },
      },
      { kind: 'stream', text: ['Done.'], usage: { input: 120, output: 2 } },
    ]);
    const opened = await openRunStore();
    await writeFile(join(opened.project, 'a.txt'), 'the original text');
    const run = await runPrompt(opened, [model], 'change a.txt');
    const [response] = run.responses;
    expect(toolResultsIn(format, fake.requests[1].body)).toEqual(['the original text']);
    expect(toolResultsIn(format, fake.requests[2].body).slice(1).join('\n')).toMatch(/Proposed an edit of a\.txt[\s\S]*Proposed writing new\/b\.txt/);
    expect(response.proposedWrites).toEqual([
      { path: 'a.txt', content: 'the changed text' },
      { path: 'new/b.txt', content: 'fresh', created: true },
    ]);
    expect(response.toolCalls).toEqual({ read_file: 1, edit_file: 1, write_file: 1 });
    expect(response.steps).toBe(3);
    expect(response.text).toBe('Done.');
    expect(await readFile(join(opened.project, 'a.txt'), 'utf8')).toBe('the original text');
    const events = opened.store.content().runs[0].models[0].events;
    expect(events).toContainEqual({ type: 'reading', data: 'read_file a.txt' });
    expect(events).toContainEqual({ type: 'writing', data: 'write_file new/b.txt' });
  });

  it('takes tokens and cost from the reported usage, priced by the catalog', async () => {
    await serve([
      { kind: 'stream', toolCalls: [{ id: 'call_1', name: 'list_directory', args: '{}' }], usage: { input: 1000, output: 200 } },
      { kind: 'stream', text: ['ok'], usage: { input: 1300, output: 100 } },
    ]);
    const opened = await openRunStore();
    const driven = drive(opened, [model], 'look around');
    const run = await driven.result;
    const [response] = run.responses;
    expect(response.inputTokens).toBe(2300);
    expect(response.outputTokens).toBe(300);
    const [catalogModel, providerId] = catalog;
    const expected = calcPrice({ input_tokens: 1000, output_tokens: 200 }, catalogModel, { providerId })!.total_price + calcPrice({ input_tokens: 1300, output_tokens: 100 }, catalogModel, { providerId })!.total_price;
    expect(expected).toBeGreaterThan(0);
    expect(response.costUsd).toBeCloseTo(expected, 12);
    expect(driven.updates.at(-1)?.models[0].costUsd).toBeCloseTo(expected, 12);
    expect(opened.store.metadata().runs[0].costs_usd).toEqual({ [model]: response.costUsd });
    expect(opened.store.costPerModel()[model]).toBeCloseTo(expected, 12);
    const info = resolveModels([model], env(server!.baseURL)).models[0];
    expect(info.priceLabel).toBe('');
    expect(info.contextWindow).toBeGreaterThan(0);
  });

  it.each([429, 500])('an HTTP %i is that model\'s own error (after the SDK\'s retries); the others carry on', async (status) => {
    const fake = await serve([{ kind: 'status', status, message: `scripted ${status}` }]);
    const opened = await openRunStore();
    const run = await runPrompt(opened, [model, 'demo/alpha'], 'hello');
    const [failed, alpha] = run.responses;
    expect(failed.error).toContain(`HTTP ${status}`);
    expect(failed.error).toContain(`scripted ${status}`);
    expect(failed.stopReason).toBe('error');
    expect(fake.requests).toHaveLength(3);
    expect(alpha.error).toBeUndefined();
    expect(alpha.text).toContain('demo/alpha');
    expect(run.feedIndex).toBe(0);
    expect(opened.store.histories()[model]).toBeUndefined();
  });

  it('a request refused for its length ends as context_overflow', async () => {
    await serve([{ kind: 'status', status: 400, message: "This model's maximum context length is 8192 tokens" }]);
    const opened = await openRunStore();
    const run = await runPrompt(opened, [model], 'a very long prompt');
    expect(run.responses[0].stopReason).toBe('context_overflow');
    expect(run.responses[0].error).toContain('HTTP 400');
  });

  it('a model past the recipe timeout stops with a timeout error and keeps its partial text', async () => {
    await serve([{ kind: 'stream', text: ['partial answer'], stall: true }]);
    const opened = await openRunStore(recipeWith((r) => (r.constraints.timeoutMs = 300)));
    const run = await runPrompt(opened, [model, 'demo/alpha'], 'hello');
    const [timedOut, alpha] = run.responses;
    expect(timedOut.error).toBe('timed out after 300ms');
    expect(timedOut.stopReason).toBe('timeout');
    expect(timedOut.text).toBe('partial answer');
    expect(timedOut.latencyMs).toBeGreaterThanOrEqual(290);
    expect(alpha.error).toBeUndefined();
  });

  it('Esc mid-stream keeps the partial text and estimated tokens, and leaves the checkpoint', async () => {
    await serve([{ kind: 'stream', text: ['half of an answer'], stall: true }]);
    const opened = await openRunStore();
    const driven = drive(opened, [model], 'long task');
    await waitForUpdate(driven, (u) => u.models[0].text === 'half of an answer');
    driven.handle.cancel();
    const run = await driven.result;
    const [response] = run.responses;
    expect(run.cancelled).toBe(true);
    // recorded as Errata records an interrupted run, with Errata's error for it
    expect(run.feedIndex).toBe(0);
    expect(response.interrupted).toBe(true);
    expect(response.stopReason).toBe('cancelled');
    expect(response.error).toBe('context canceled');
    expect(response.text).toBe('half of an answer');
    expect(response.outputTokens).toBe(Math.ceil('half of an answer'.length / 4));
    expect(response.inputTokens).toBeGreaterThan(0);
    const checkpoint = await opened.store.loadCheckpoint();
    expect(checkpoint?.responses[0]).toMatchObject({ model_id: model, text: 'half of an answer', interrupted: true, completed: false, error: 'context canceled' });
    expect(driven.updates.at(-1)?.models[0].status).toBe('cancelled');
  });

  it('a tool call with bad arguments is an error result the model can recover from', async () => {
    const fake = await serve([
      {
        kind: 'stream',
        toolCalls: [
          { id: 'call_1', name: 'read_file', args: '{"path":42}' },
          { id: 'call_2', name: 'read_file', args: '{"path": "a.txt"' },
        ],
        usage: { input: 10, output: 10 },
      },
      { kind: 'stream', text: ['recovered'], usage: { input: 10, output: 1 } },
    ]);
    const opened = await openRunStore();
    const run = await runPrompt(opened, [model], 'read it');
    const results = toolResultsIn(format, fake.requests[1].body);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatch(/^bad arguments: path: /);
    expect(results[1]).toMatch(/^bad arguments: /);
    const [response] = run.responses;
    expect(response.error).toBeUndefined();
    expect(response.text).toBe('recovered');
    expect(opened.store.content().runs[0].models[0].events.filter((e) => e.type === 'error')).toHaveLength(2);
  });

  it('a model that keeps sending malformed tool calls fails on its own; the others carry on', async () => {
    await serve([{ kind: 'stream', toolCalls: [{ id: 'call_x', name: 'no_such_tool', args: '{}' }], usage: { input: 10, output: 5 } }]);
    const opened = await openRunStore();
    const run = await runPrompt(opened, [model, 'demo/beta'], 'go');
    const [failed, beta] = run.responses;
    expect(failed.error).toMatch(/gave up after 3 turns of malformed tool calls.*unknown tool "no_such_tool"/);
    expect(failed.stopReason).toBe('error');
    expect(beta.error).toBeUndefined();
  });
});

describe('the recipe on the wire', () => {
  it('sends its System Prompt (with Tasks) and only its tools, with its guidance, to the model', async () => {
    server = await startFakeModelServer('openai', [{ kind: 'stream', text: ['ok'], usage: { input: 1, output: 1 } }]);
    vi.stubEnv('OPENAI_BASE_URL', server.baseURL);
    vi.stubEnv('OPENAI_API_KEY', 'test-key');
    const opened = await openRunStore(
      recipeWith((r) => {
        r.systemPrompt = 'Be brief.';
        r.tasks = ['Fix the bug'];
        r.tools = { allowlist: ['read_file', 'search_code'], bashPrefixes: null, guidance: { read_file: 'Start with README.md.' } };
      }),
    );
    await runPrompt(opened, ['openai/gpt-4.1'], 'hi');
    const body = server.requests[0].body as { messages: { role: string; content: string }[]; tools: { function: { name: string; description: string } }[] };
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.\n\nTasks:\n- Fix the bug' });
    expect(body.tools.map((t) => t.function.name)).toEqual(['read_file', 'search_code']);
    expect(body.tools[0].function.description).toMatch(/\nStart with README\.md\.$/);
    expect(opened.store.lastActiveTools()).toEqual(['read_file', 'search_code']);
  });
});

describe('openai-compatible endpoints', () => {
  it('run through OPENAI_COMPATIBLE_BASE_URL, with an unknown price shown as unknown, not $0', async () => {
    server = await startFakeModelServer('openai', [{ kind: 'stream', text: ['local answer'], usage: { input: 5, output: 2 } }]);
    vi.stubEnv('OPENAI_COMPATIBLE_BASE_URL', server.baseURL);
    const opened = await openRunStore();
    const driven = drive(opened, ['openai-compatible/my-local-model'], 'hi');
    const run = await driven.result;
    expect(run.responses[0].text).toBe('local answer');
    expect(run.responses[0].inputTokens).toBe(5);
    expect(driven.updates.at(-1)?.models[0].costUsd).toBeNull();
    expect(server.requests[0].body.model).toBe('my-local-model');
    expect(server.requests[0].body.stream_options).toEqual({ include_usage: true });
    expect(resolveModels(['openai-compatible/my-local-model'], { OPENAI_COMPATIBLE_BASE_URL: server.baseURL }).models[0].priceLabel).toBe('price unknown');
  });
});

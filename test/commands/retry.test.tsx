import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Checkpoint, SessionContent, SessionMetadata } from '../../store/index.js';
import { startFakeModelServer, type FakeModelServer } from '../runs/support/fake-model-server.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver | undefined;
let server: FakeModelServer | undefined;
const saved = { url: process.env.OPENAI_BASE_URL, key: process.env.OPENAI_API_KEY };

afterEach(async () => {
  app?.unmount();
  app = undefined;
  await server?.close();
  server = undefined;
  process.env.OPENAI_BASE_URL = saved.url;
  process.env.OPENAI_API_KEY = saved.key;
  if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
  if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
});

/** What the screen shows since /blind was turned on (the start line above it names the models). */
const sinceBlind = (frame: string): string => frame.slice(frame.indexOf('Blind on'));

/** openai/gpt-test on a real local server: it refuses the first request (400), then answers slowly. */
async function appWithFlakyModel(): Promise<AppDriver> {
  server = await startFakeModelServer('openai', [
    { kind: 'status', status: 400, message: 'the model is overloaded' },
    { kind: 'stream', text: ['fixed ', 'answer'], usage: { input: 5, output: 2 }, delayMs: 500 },
  ]);
  process.env.OPENAI_BASE_URL = server.baseURL;
  process.env.OPENAI_API_KEY = 'sk-test-key-1234567890';
  return startApp({ models: ['demo/alpha', 'openai/gpt-test'] });
}

/** checkpoint.json as soon as the retry has written it (the writes are coalesced, so it can lag a little). */
async function checkpointWhileRunning(driver: AppDriver): Promise<Checkpoint> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const text = await readFile(driver.session.store.checkpointPath(), 'utf8').catch(() => null);
    if (text) return JSON.parse(text) as Checkpoint;
    if (Date.now() > deadline) throw new Error('no checkpoint.json while the retry ran');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('/retry and r Enter at the pick', () => {
  it('r Enter re-runs only the failed model, keeps the OK answer on screen and in the checkpoint, and the run stays one run', async () => {
    app = await appWithFlakyModel();
    await app.runPrompt('say hi');
    let frame = app.frame();
    expect(frame).toMatch(/failed .*HTTP 400/s);
    expect(frame).toContain('r Enter to retry the failed');
    expect(frame).not.toMatch(/\d\. openai\/gpt-test/);

    await app.submit('r');
    frame = await app.waitFor('done (kept)');
    const checkpoint = await checkpointWhileRunning(app);
    expect(checkpoint.responses.map((r) => [r.model_id, r.completed])).toEqual([['demo/alpha', true], ['openai/gpt-test', false]]);
    frame = await app.waitFor(/\d\. openai\/gpt-test/);
    expect(frame).toMatch(/\d\. demo\/alpha/);
    expect(server!.requests).toHaveLength(2);

    const number = /(\d)\. openai\/gpt-test/.exec(frame)![1];
    await app.submit(number);
    await app.waitFor('Voted for: openai/gpt-test');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs).toHaveLength(1);
    expect(meta.runs[0].selected).toBe('openai/gpt-test');
    expect(meta.runs[0].output_tokens).toMatchObject({ 'openai/gpt-test': 2 });
    const content = await app.readJson<SessionContent>(app.session.store.contentPath());
    expect(content.runs).toHaveLength(1);
    expect(content.runs[0].models.find((m) => m.model_id === 'openai/gpt-test')?.text).toBe('fixed answer');
    expect(content.histories['openai/gpt-test']).toEqual([
      { role: 'user', content: 'say hi' },
      { role: 'assistant', content: 'fixed answer' },
    ]);
    expect(content.histories['demo/alpha']).toHaveLength(2);
    await expect(readFile(app.session.store.checkpointPath(), 'utf8')).rejects.toThrow();
  });

  it('in blind mode a retry keeps the run\'s labels: the kept answer keeps its name, the names show only after the pick', async () => {
    app = await appWithFlakyModel();
    await app.submit('/blind');
    await app.waitFor('Blind on');
    await app.runPrompt('say hi');
    let frame = app.frame();
    expect(sinceBlind(frame)).not.toMatch(/alpha|gpt-test/);
    const kept = /1\. (Model [AB])/.exec(frame)![1];
    await app.submit('r');
    frame = await app.waitFor(/2\. Model [AB]/);
    expect(sinceBlind(frame)).not.toMatch(/alpha|gpt-test/);
    const retried = kept === 'Model A' ? 'Model B' : 'Model A';
    const number = new RegExp(`(\\d)\\. ${retried}`).exec(frame)![1];
    await app.submit(number);
    frame = await app.waitFor('Blind run revealed');
    expect(frame).toContain(`${kept} was demo/alpha`);
    expect(frame).toContain(`${retried} was openai/gpt-test`);
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs).toHaveLength(1);
    expect(meta.runs[0]).toMatchObject({ selected: 'openai/gpt-test', blind: true });
  });

  it('Esc during a blind retry gives the pick back as it was: the same label, still blind', async () => {
    app = await appWithFlakyModel();
    await app.submit('/blind');
    await app.waitFor('Blind on');
    await app.runPrompt('say hi');
    const kept = /1\. (Model [AB])/.exec(app.frame())![1];
    await app.submit('r');
    await app.waitFor('done (kept)');
    await app.press(KEY.escape);
    let frame = await app.waitFor('Retry cancelled');
    expect(frame).toContain(`1. ${kept}`);
    expect(sinceBlind(frame)).not.toMatch(/alpha|gpt-test|Blind run revealed/);
    await app.submit('/history');
    frame = await app.waitFor('/history has to wait');
    expect(sinceBlind(frame)).not.toMatch(/alpha|gpt-test/);
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs).toHaveLength(1);
    expect(meta.runs[0].selected ?? '').toBe('');
  });

  it('/retry with nothing failed says so; away from a pick it says where it works', async () => {
    app = await startApp();
    await app.submit('/retry');
    await app.waitFor('Nothing to retry: /retry (or r Enter) works at the pick after a run.');
    await app.runPrompt('hello');
    await app.submit('/retry');
    await app.waitFor('Nothing to retry: every model answered.');
    expect(app.frame()).toContain('Pick a response');
  });
});

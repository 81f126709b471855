import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCheckpoint } from '../../store/index.js';
import type { Checkpoint, SessionMetadata } from '../../store/index.js';
import { KEY, startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

const interrupted = (): Checkpoint => ({
  prompt: 'write resumed.txt: back again',
  timestamp: '2026-03-31T12:37:19Z',
  adapter_ids: ['demo/alpha', 'demo/beta'],
  responses: [
    { model_id: 'demo/alpha', text: '[demo/alpha] kept answer', latency_ms: 20, input_tokens: 5, output_tokens: 7, cost_usd: 0.001, interrupted: false, completed: true },
    { model_id: 'demo/beta', text: 'half', latency_ms: 10, input_tokens: 3, output_tokens: 1, cost_usd: 0, interrupted: true, completed: false },
  ],
  verbose: false,
});

describe('/checkpoint and /resume', () => {
  it('without a checkpoint: the panel and /resume say there is none', async () => {
    app = await startApp();
    await app.submit('/checkpoint');
    await app.waitFor('No interrupted run.');
    await app.press(KEY.escape);
    await app.submit('/resume');
    await app.waitFor('No interrupted run to resume.');
  });

  it('shows the interrupted run; /resume re-runs the unfinished model, keeps the other, and clears the checkpoint', async () => {
    app = await startApp();
    await saveCheckpoint(app.session.store.checkpointPath(), interrupted());
    await app.submit('/checkpoint');
    let frame = await app.waitFor('Checkpoint');
    expect(frame).toMatch(/demo\/alpha\s+completed/);
    expect(frame).toMatch(/demo\/beta\s+interrupted/);
    expect(frame).toContain('kept answer');
    await app.waitFor('│ checkpoint'); // the status bar
    await app.press(KEY.escape);

    await app.submit('/resume');
    frame = await app.waitFor('Pick a response');
    expect(frame).toContain('done (kept)');
    await expect(stat(app.session.store.checkpointPath())).rejects.toThrow();
    await app.submit('s');
    await app.waitFor('Skipped.');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[0].prompt_preview).toBe('write resumed.txt: back again');
  });

  it('Esc cancels a running run: it is recorded as Errata records it and its checkpoint stays for /resume', async () => {
    process.env.BAKEOFF_DEMO_DELAY_MS = '20';
    try {
      app = await startApp();
      await app.submit('a slow answer please');
      await app.waitFor('Esc cancels');
      await app.press(KEY.escape);
      await app.waitFor('/resume to continue.');
      await app.waitFor(/rewind 1 │ checkpoint/);
      expect(app.session.store.metadata().runs).toHaveLength(1);
      expect(app.session.store.metadata().runs[0].note).toMatch(/^Interrupted \(demo\/.*\)\. \/resume to continue\.$/);
      expect(await app.session.store.loadCheckpoint()).not.toBeNull();
    } finally {
      process.env.BAKEOFF_DEMO_DELAY_MS = '1';
    }
  });
});

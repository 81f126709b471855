// Figure 2, run in its own process: the longest event-loop stall while a run of three models × 8 KB is
// recorded (appendHistories + persistRunState, from the call until durable), the time until durable,
// and a raw write + fsync of the same files for comparison.
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Store, dataLayout, loadMetadata, newSessionId, newSessionMetadata, sessionPathsFor } from '../store/index.js';
import type { ModelResponse, SessionPaths } from '../store/index.js';
import { answerText, MODELS } from './big-session.js';

export interface RecordRunResult {
  stallsMs: number[];
  durableMs: number[];
  rawDurableMs: number[];
  sessionBytes: number;
}

function responsesFor(run: number): ModelResponse[] {
  return MODELS.map((modelId) => ({ modelId, text: answerText(run, modelId, 8 * 1024), latencyMs: 300, inputTokens: 1000, outputTokens: 2000, costUsd: 0.001 }));
}

/** Runs `work` while a setImmediate ticker measures the longest gap between ticks, starting at the call. */
async function longestStall(work: () => Promise<unknown>): Promise<{ stallMs: number; elapsedMs: number }> {
  let longest = 0;
  let running = true;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setImmediate(tick);
  };
  const start = performance.now();
  last = start;
  setImmediate(tick);
  await work();
  running = false;
  const elapsedMs = performance.now() - start;
  longest = Math.max(longest, performance.now() - last);
  return { stallMs: longest, elapsedMs };
}

async function rawWriteAndSync(path: string, bytes: Buffer): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function openStore(dataDir: string, sessionId: string | null): Promise<{ store: Store; paths: SessionPaths }> {
  const layout = dataLayout(dataDir);
  const id = sessionId ?? newSessionId();
  const paths = sessionPathsFor(layout.sessions, id);
  const meta = sessionId ? (await loadMetadata(paths.metadataPath, { keepEncodings: true }))! : newSessionMetadata(id, MODELS);
  return { store: await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: id, meta }), paths };
}

export async function measureRecording(dataDir: string, sessionId: string | null, repeats: number): Promise<RecordRunResult> {
  const { store, paths } = await openStore(dataDir, sessionId);
  const result: RecordRunResult = { stallsMs: [], durableMs: [], rawDurableMs: [], sessionBytes: 0 };
  for (let i = 0; i < repeats + 2; i++) {
    const responses = responsesFor(100_000 + i);
    const prompt = `bench prompt ${i}`;
    const { stallMs, elapsedMs } = await longestStall(async () => {
      await Promise.all([store.appendHistories(MODELS, responses, prompt), store.persistRunState(prompt, responses, null, [])]);
      await store.flush();
    });
    if (i < 2) continue; // warm-up
    result.stallsMs.push(stallMs);
    result.durableMs.push(elapsedMs);
    const files = await Promise.all([readFile(paths.contentPath), readFile(paths.metadataPath)]);
    result.sessionBytes = files[0].length + files[1].length;
    const start = performance.now();
    await Promise.all(files.map((bytes, n) => rawWriteAndSync(join(dataDir, '..', `raw-${n}.json`), bytes)));
    result.rawDurableMs.push(performance.now() - start);
  }
  await store.close();
  return result;
}

// As a child process: node dist/bench/record-run.js <dataDir> <sessionId|-> <repeats>
if (process.argv[1]?.endsWith('record-run.js')) {
  const [dataDir, sessionId, repeats] = process.argv.slice(2);
  measureRecording(dataDir, sessionId === '-' ? null : sessionId, Number(repeats)).then((r) => process.stdout.write(JSON.stringify(r)));
}

// kill -9 during a run: checkpoint.json survives and parses, and /resume completes the run,
// re-running only the models that had not finished, then clears the checkpoint.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { Store, RecipeStore, dataLayout, loadCheckpoint, newSessionId, newSessionMetadata, parseRecipe, sessionPathsFor } from '../../store/index.js';
import type { Checkpoint } from '../../store/index.js';
import { startRun } from '../../src/runs/index.js';
import type { LiveRun } from '../../src/runs/index.js';
import { tempDir } from '../helpers/temp-dir.js';

const repoRoot = new URL('../../', import.meta.url).pathname;
// inside node_modules so the bundle's bare imports (ai, zod, …) resolve from the repository
const bundleDir = join(repoRoot, 'node_modules', '.cache', 'bakeoff-tests');
const bundle = join(bundleDir, `slow-run-child-${randomUUID()}.mjs`);

beforeAll(async () => {
  await mkdir(bundleDir, { recursive: true });
  await build({ entryPoints: [join(repoRoot, 'test/runs/support/slow-run-child.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: bundle, logLevel: 'silent' });
});
afterAll(async () => {
  await rm(bundle, { force: true });
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** Polls until checkpoint.json parses and `ready` holds for it. */
async function waitForCheckpoint(path: string, ready: (cp: Checkpoint) => boolean, timeoutMs: number): Promise<Checkpoint> {
  const started = Date.now();
  for (;;) {
    const checkpoint = await loadCheckpoint(path).catch(() => null);
    if (checkpoint && ready(checkpoint)) return checkpoint;
    if (Date.now() - started > timeoutMs) throw new Error(`checkpoint at ${path} never became ready; last: ${JSON.stringify(checkpoint)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

it('after kill -9 mid-run, /resume re-runs only the unfinished models and clears the checkpoint', async () => {
  const root = await tempDir();
  const dataDir = join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project);
  const sessionId = newSessionId();
  const layout = dataLayout(dataDir);
  const paths = sessionPathsFor(layout.sessions, sessionId);

  // slow: alpha streams for 50 units, beta 60, gamma 70; at 40 ms a unit alpha ends 400 ms before beta
  const child = spawn(process.execPath, [bundle, dataDir, sessionId, project], { env: { ...process.env, BAKEOFF_DEMO_DELAY_MS: '40' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  const alphaDone = await waitForCheckpoint(paths.checkpointPath, (cp) => cp.responses.some((r) => r.model_id === 'demo/alpha' && r.completed), 10_000).catch((error: Error) => {
    throw new Error(`${error.message}\nchild stderr: ${stderr}`);
  });
  child.kill('SIGKILL');
  expect(await exited).toBe('SIGKILL');
  expect(alphaDone.adapter_ids).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);

  const checkpoint = await loadCheckpoint(paths.checkpointPath);
  expect(checkpoint).not.toBeNull();
  const unfinished = checkpoint!.responses.filter((r) => !r.completed).map((r) => r.model_id);
  expect(unfinished).toEqual(['demo/beta', 'demo/gamma']);
  const alphaText = checkpoint!.responses[0].text;
  expect(alphaText).toContain('[demo/alpha] You asked: "a slow run".');

  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '2');
  const store = await Store.open({
    promptHistPath: layout.promptHistory,
    sessionPaths: paths,
    sessionId,
    meta: newSessionMetadata(sessionId),
    recipeStore: await RecipeStore.open(layout.recipeStore),
    recipe: parseRecipe('# kill test\nversion: 1\n'),
    projectRoot: project,
  });
  const updates: LiveRun[] = [];
  const run = await startRun({ store, models: [], projectRoot: project, verbose: false }, '', (u) => updates.push(u), { resume: checkpoint! }).result;
  expect(updates[0].models.map((m) => m.resumed ?? false)).toEqual([true, false, false]);
  expect(run.cancelled).toBe(false);
  expect(run.feedIndex).toBe(0);
  expect(run.responses.map((r) => r.modelId)).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
  expect(run.responses[0].text).toBe(alphaText);
  expect(run.responses[1].text).toContain('[demo/beta] You asked: "a slow run".');
  expect(run.responses[2].stopReason).toBe('complete');
  expect(store.metadata().runs).toHaveLength(1);
  expect(Object.keys(store.histories()).sort()).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
  expect(await loadCheckpoint(paths.checkpointPath)).toBeNull();
  await store.close();
}, 30_000);

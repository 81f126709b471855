// The sandbox's cost on a project of 10,000 files / 200 MB (1,000 / 20 MB with --quick): the time to
// first token a bash recipe adds (the layer is set up lazily, at the first bash call), the first bash
// call (overlay set-up), every later call, and the private copy used where there is no bubblewrap.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { Store, dataLayout, defaultRecipe, newSessionId, newSessionMetadata, sessionPathsFor } from '../store/index.js';
import type { Recipe } from '../store/index.js';
import { startRun } from '../src/runs/start-run.js';
import { RunSandbox } from '../src/runs/sandbox/run-sandbox.js';
import { sandboxPolicyOf } from '../src/runs/sandbox/sandbox-policy.js';
import { ProposedFiles } from '../src/runs/tools/proposed-files.js';
import { bashTool } from '../src/runs/tools/bash-tool.js';
import { median, type Figure } from './figures.js';

const run = promisify(execFile);
/** 10,000 of them make 200 MB. */
const fileBytes = 20_972;

async function writeProject(root: string, files: number): Promise<void> {
  const body = Buffer.alloc(fileBytes, 'x');
  for (let i = 0; i < files; i++) {
    const dir = join(root, `pkg${i % 100}`, `mod${i % 7}`);
    if (i < 700) await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `file${i}.txt`), body);
  }
}

const withBash = (): Recipe => {
  const recipe = defaultRecipe();
  recipe.tools = { allowlist: ['read_file', 'write_file', 'bash'], bashPrefixes: null, guidance: {} };
  return recipe;
};

/** Time from startRun to the first streamed text of demo/alpha. */
async function firstToken(dataDir: string, project: string, recipe: Recipe): Promise<number> {
  const layout = dataLayout(dataDir);
  const id = newSessionId();
  const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: sessionPathsFor(layout.sessions, id), sessionId: id, meta: newSessionMetadata(id), recipe, projectRoot: project });
  const started = performance.now();
  let first = 0;
  await startRun({ store, models: ['demo/alpha'], projectRoot: project, verbose: false }, 'hello', (live) => {
    if (first === 0 && live.models[0]?.text) first = performance.now() - started;
  }).result;
  await store.close();
  return first;
}

interface Workspace {
  files: ProposedFiles;
  bash(command: string): Promise<number>;
}

function workspace(project: string, env: NodeJS.ProcessEnv): Workspace {
  const recipe = withBash();
  const sandbox = new RunSandbox({ projectRoot: project, dataDirs: [], policy: sandboxPolicyOf(recipe), env, allowUnconfined: true });
  const files = new ProposedFiles(project, [], sandbox);
  const context = { root: project, files, signal: new AbortController().signal, bash: { prefixes: null, timeoutMs: 60_000 }, web: { network: 'none', allowLocalFetch: false } };
  return {
    files,
    bash: async (command) => {
      const prepared = bashTool.prepare({ command });
      if ('error' in prepared) throw new Error(prepared.error);
      const started = performance.now();
      await prepared.run(context);
      return performance.now() - started;
    },
  };
}

async function timedSpawn(file: string, args: string[]): Promise<number> {
  const started = performance.now();
  await run(file, args);
  return performance.now() - started;
}

export async function sandboxFigures(root: string, quick: boolean): Promise<Figure[]> {
  const files = quick ? 1000 : 10_000;
  const project = join(root, 'sandbox-project');
  await writeProject(project, files);
  const size = `${files.toLocaleString('en-US')} files / ${Math.round((files * fileBytes) / (1024 * 1024))} MB`;
  const repeats = quick ? 3 : 7;
  process.env.BAKEOFF_DEMO_DELAY_MS ??= '1';

  const plain: number[] = [];
  const bash: number[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const p = await firstToken(join(root, 'sandbox-data'), project, defaultRecipe());
    const b = await firstToken(join(root, 'sandbox-data'), project, withBash());
    if (i === 0) continue;
    plain.push(p);
    bash.push(b);
  }

  const setUp: number[] = [];
  const perCall: number[] = [];
  const bareBwrap: number[] = [];
  const bareShell: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const model = workspace(project, process.env);
    setUp.push(await model.bash('true'));
    for (let call = 0; call < 3; call++) perCall.push(await model.bash(`echo ${call} > changed${call}.txt`));
    await model.files.finish();
    bareBwrap.push(await timedSpawn('bwrap', ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', 'true']));
    bareShell.push(await timedSpawn('/bin/sh', ['-c', 'true']));
  }

  const copyFirst: number[] = [];
  const bareCopy: number[] = [];
  const copyRounds = quick ? 1 : 4;
  for (let i = 0; i < copyRounds + 1; i++) {
    // each copy starts with no dirty pages left by the one before (200 MB of writeback otherwise lands on
    // whichever copy comes next), the two take turns going first (the first reads the project from the
    // disk, the second from the page cache), and round 0 is a warm-up
    const ours = async (): Promise<number> => {
      const model = workspace(project, { ...process.env, BAKEOFF_BWRAP: '/nonexistent/bwrap' });
      await run('sync');
      const ms = await model.bash('true');
      await model.files.finish();
      return ms;
    };
    const bare = async (): Promise<number> => {
      const target = join(root, `bare-copy-${i}`);
      await run('sync');
      const ms = await timedSpawn('cp', ['-a', '--reflink=auto', project, target]);
      await rm(target, { recursive: true, force: true });
      return ms;
    };
    const [a, b] = i % 2 === 0 ? [await ours(), await bare()] : [await bare(), await ours()].reverse();
    if (i === 0 && !quick) continue;
    copyFirst.push(a);
    bareCopy.push(b);
  }

  return [
    { name: `sandbox: added time to first token, ${size}`, measured: Math.max(0, median(bash) - median(plain)), floor: 1, unit: 'ms', target: 10, absolute: true },
    { name: `sandbox: first bash call (overlay set-up)`, measured: median(setUp), floor: median(bareBwrap), unit: 'ms', target: 500, absolute: true },
    { name: `sandbox: each later bash call`, measured: median(perCall), floor: median(bareShell), unit: 'ms', target: 100, absolute: true },
    { name: `sandbox: first bash call, no bwrap (copy)`, measured: median(copyFirst), floor: median(bareCopy), unit: 'ms', target: 1.5 },
  ];
}

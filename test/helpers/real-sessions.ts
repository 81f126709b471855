// Real sessions made the way a user makes them: `bakeoff run` through the built binary on the demo models, in a
// project directory of its own, with a data directory of its own (a fresh one, or a copy of an Errata fixture).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, runCli, type CliResult } from '../cli/run-cli.js';
import { tempDir } from './temp-dir.js';

/** The demo models answer in a few ms a step (a `slow` prompt streams for 50–60 steps). */
const DEMO_ENV = { BAKEOFF_DEMO_DELAY_MS: '5' };

const shiftedClock = fileURLToPath(new URL('./shifted-clock.mjs', import.meta.url));

export interface RunOptions {
  /** add the run to this session (`-r`: id, prefix or title); default a new session */
  session?: string;
  /** `--pick`: default demo/alpha, whose writes are the prompt's words as they are */
  pick?: string;
  /** the run happens this long ago (its process's clock is set back), for tests of age */
  agoMs?: number;
}

export interface RealWorkspace {
  data: string;
  project: string;
  /** `bakeoff <args>` in the project, on this data directory */
  cli(args: string[], options?: { input?: string; env?: Record<string, string> }): Promise<CliResult>;
  /** One real run: `bakeoff run -m demo/alpha,demo/beta --pick demo/alpha --json <prompt>`; fails on a non-zero exit. */
  run(prompt: string, options?: RunOptions): Promise<{ sessionId: string; run: number }>;
  /** A new session of one real run per prompt; its id. */
  session(prompts: readonly string[], options?: Omit<RunOptions, 'session'>): Promise<string>;
  sessionDir(id: string): string;
  sessionIds(): Promise<string[]>;
  /** A `bakeoff run` still going (a `slow` prompt at `unitMs` a step), with the data directory's lock of its session taken. */
  startHeldRun(prompt: string, session: string, unitMs: number): Promise<HeldRun>;
}

export interface HeldRun {
  pid: number;
  /** resolves with its exit code once it has finished */
  finished: Promise<number>;
}

/** A temp project and data directory (`data`: one to use instead, e.g. a copy of an Errata fixture). */
export async function realWorkspace(options: { data?: string } = {}): Promise<RealWorkspace> {
  const root = await tempDir('bakeoff-real-');
  const data = options.data ?? join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project);
  const cli: RealWorkspace['cli'] = (args, extra = {}) => runCli(args, { dataDir: data, cwd: project, env: { ...DEMO_ENV, ...extra.env }, input: extra.input });
  const run: RealWorkspace['run'] = async (prompt, opts = {}) => {
    const args = ['run', '-m', 'demo/alpha,demo/beta', '--pick', opts.pick ?? 'demo/alpha', '--json', ...(opts.session ? ['-r', opts.session] : []), prompt];
    const env = opts.agoMs ? { NODE_OPTIONS: `--import=${shiftedClock}`, BAKEOFF_TEST_CLOCK_SHIFT_MS: String(opts.agoMs) } : undefined;
    const result = await cli(args, { env });
    if (result.code !== 0) throw new Error(`bakeoff ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    const report = JSON.parse(result.stdout) as { session_id: string; run: number };
    return { sessionId: report.session_id, run: report.run };
  };
  const sessionDir = (id: string) => join(data, 'sessions', id);
  return {
    data,
    project,
    cli,
    run,
    session: async (prompts, opts = {}) => {
      let id: string | undefined;
      for (const prompt of prompts) id = (await run(prompt, { ...opts, session: id })).sessionId;
      if (!id) throw new Error('a session needs at least one prompt');
      return id;
    },
    sessionDir,
    sessionIds: async () => (existsSync(join(data, 'sessions')) ? (await readdir(join(data, 'sessions'))).sort() : []),
    startHeldRun: async (prompt, session, unitMs) => {
      const child = spawn(process.execPath, [bin, 'run', '-m', 'demo/alpha', '-r', session, `slow ${prompt}`], {
        cwd: project,
        env: { ...process.env, TZ: 'UTC', BAKEOFF_DATA_DIR: data, BAKEOFF_DEMO_DELAY_MS: String(unitMs) },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const finished = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
      const lock = join(data, 'locks', `${session}.lock`);
      const deadline = Date.now() + 10_000;
      while (!(await heldBy(lock, child.pid))) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`bakeoff run never held ${lock}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { pid: child.pid!, finished };
    },
  };
}

async function heldBy(lockPath: string, pid: number | undefined): Promise<boolean> {
  const text = await readFile(lockPath, 'utf8').catch(() => '');
  try {
    return (JSON.parse(text) as { pid?: number }).pid === pid;
  } catch {
    return false;
  }
}

/** Every file under `dir` (relative path → its bytes, base64): what "byte for byte" compares. */
export async function bytesUnder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = await readFile(join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

// Real sessions made the way a user makes them: `bakeoff run` through the built binary on the demo models, in the
// run tests' workspace (a project of its own, a fresh data directory or a copy of an Errata fixture).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bin, runCli } from '../cli/run-cli.js';
import { workspace, type Workspace } from '../cli/run-workspace.js';
import { waitUntil } from './wait-until.js';

const shiftedClock = fileURLToPath(new URL('./shifted-clock.mjs', import.meta.url));

export interface RecordOptions {
  /** add the run to this session (`-r`: id, prefix or title); default a new session */
  session?: string;
  /** `--pick`: default demo/alpha, whose writes are the prompt's words as they are */
  pick?: string;
  /** the run happens this long ago (its process's clock is set back), for tests of age */
  agoMs?: number;
}

export interface HeldRun {
  pid: number;
  /** resolves with its exit code once it has finished */
  finished: Promise<number>;
}

export interface RealWorkspace extends Workspace {
  /** One real run: `bakeoff run -m demo/alpha,demo/beta --pick demo/alpha --json <prompt>`; fails on a non-zero exit. */
  record(prompt: string, options?: RecordOptions): Promise<{ sessionId: string; run: number }>;
  /** A new session of one real run per prompt; its id. */
  session(prompts: readonly string[], options?: Omit<RecordOptions, 'session'>): Promise<string>;
  sessionDir(id: string): string;
  /** A `bakeoff run` still going (a `slow` prompt at `unitMs` a step), once it holds the session's lock. */
  startHeldRun(prompt: string, session: string, unitMs: number): Promise<HeldRun>;
}

/** The run tests' workspace (`data`: one to use instead of a fresh one), with real sessions one line each. */
export async function realWorkspace(options: { data?: string } = {}): Promise<RealWorkspace> {
  const ws = await workspace(options);
  const record: RealWorkspace['record'] = async (prompt, opts = {}) => {
    const args = ['run', '-m', 'demo/alpha,demo/beta', '--pick', opts.pick ?? 'demo/alpha', '--json', ...(opts.session ? ['-r', opts.session] : []), prompt];
    const clock: Record<string, string> = opts.agoMs ? { NODE_OPTIONS: `--import=${shiftedClock}`, BAKEOFF_TEST_CLOCK_SHIFT_MS: String(opts.agoMs) } : {};
    const result = await runCli(args, { dataDir: ws.data, cwd: ws.project, env: { BAKEOFF_DEMO_DELAY_MS: '5', ...clock } });
    if (result.code !== 0) throw new Error(`bakeoff ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    const report = JSON.parse(result.stdout) as { session_id: string; run: number };
    return { sessionId: report.session_id, run: report.run };
  };
  return {
    ...ws,
    record,
    session: async (prompts, opts = {}) => {
      let id: string | undefined;
      for (const prompt of prompts) id = (await record(prompt, { ...opts, session: id })).sessionId;
      if (!id) throw new Error('a session needs at least one prompt');
      return id;
    },
    sessionDir: (id) => join(ws.data, 'sessions', id),
    startHeldRun: async (prompt, session, unitMs) => {
      const child = spawn(process.execPath, [bin, 'run', '-m', 'demo/alpha', '-r', session, `slow ${prompt}`], {
        cwd: ws.project,
        env: { ...process.env, TZ: 'UTC', BAKEOFF_DATA_DIR: ws.data, BAKEOFF_DEMO_DELAY_MS: String(unitMs) },
        stdio: 'ignore',
      });
      const finished = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
      const lock = join(ws.data, 'locks', `${session}.lock`);
      await waitUntil(() => child.exitCode !== null || heldBy(lock, child.pid), 10_000);
      if (child.exitCode !== null) throw new Error(`bakeoff run ended (${child.exitCode}) before it held ${lock}`);
      return { pid: child.pid!, finished };
    },
  };
}

/** The lock file names process `pid` as its holder. */
function heldBy(lockPath: string, pid: number | undefined): boolean {
  try {
    return (JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: number }).pid === pid;
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

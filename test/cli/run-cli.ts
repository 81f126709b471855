// Runs the BUILT command line as a child process, the way a user does, and collects what it printed.
import { execFile } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
export const bin = join(repo, 'bin', 'bakeoff.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stderr split into lines, without the trailing empty one */
  stderrLines: string[];
}

export interface CliOptions {
  /** sets BAKEOFF_DATA_DIR; absent = the variable is removed from the environment */
  dataDir?: string;
  cwd?: string;
  env?: Record<string, string>;
  /** kill the child after this long (a hang then fails the test instead of stalling it) */
  timeoutMs?: number;
  /** written to stdin, which is then closed (it is closed at once without) */
  input?: string;
}

/** TZ=UTC so local times in tables do not depend on the machine. stdin is not a terminal here. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', ...options.env };
  delete env.BAKEOFF_DATA_DIR;
  if (options.dataDir !== undefined) env.BAKEOFF_DATA_DIR = options.dataDir;
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? repo, env, timeout: options.timeoutMs ?? 0 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, stderrLines: stderr === '' ? [] : stderr.replace(/\n$/, '').split('\n') });
    });
    child.stdin?.end(options.input ?? '');
  });
}

/** Fails loudly when dist/ is missing or older than the CLI sources, so a test never passes on stale code. */
export function assertBuilt(): void {
  const stale: string[] = [];
  const check = (source: string) => {
    const built = join(repo, 'dist', relative(repo, source).replace(/\.ts$/, '.js'));
    const builtTime = statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (builtTime < statSync(source).mtimeMs) stale.push(relative(repo, source));
  };
  check(join(repo, 'src', 'cli.ts'));
  for (const dir of ['src/cli', 'src/cli/run', 'src/session']) {
    for (const name of readdirSync(join(repo, dir))) if (name.endsWith('.ts')) check(join(repo, dir, name));
  }
  if (stale.length > 0) throw new Error(`dist/ is older than ${stale.join(', ')}: run \`npm run build\` first`);
}

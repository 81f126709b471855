// A program under a pseudo-terminal (util-linux `script`), with its screen output collected as it comes.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface PtyProgram {
  child: ChildProcess;
  /** all output so far, escape sequences included */
  output(): string;
  /** output since `offset` with escape sequences removed */
  textSince(offset: number): string;
  write(keys: string): void;
  /** resolves with the time (performance.now()) at which `found` first holds for the output */
  waitFor(found: (text: string) => boolean, timeoutMs?: number): Promise<number>;
  stop(): void;
}

const ansi = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>78]/g;

export function stripAnsi(text: string): string {
  return text.replace(ansi, '');
}

export function startInPty(command: string[], env: NodeJS.ProcessEnv = {}, size = { columns: 120, rows: 40 }): PtyProgram {
  const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  const child = spawn('script', ['-qfec', `stty cols ${size.columns} rows ${size.rows}; exec ${quoted}`, '/dev/null'], {
    // CI=false: under CI Ink prints only the last frame, and these are measurements of the interactive app
    env: { ...process.env, TERM: 'xterm-256color', FORCE_COLOR: '1', CI: 'false', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { found: (text: string) => boolean; resolve: (at: number) => void }[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    const at = performance.now();
    output += chunk.toString('utf8');
    const plain = stripAnsi(output);
    for (const waiter of [...waiters]) {
      if (waiter.found(plain)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(at);
      }
    }
  });
  return {
    child,
    output: () => output,
    textSince: (offset) => stripAnsi(output.slice(offset)),
    write: (keys) => child.stdin!.write(keys),
    waitFor(found, timeoutMs = 15_000) {
      if (found(stripAnsi(output))) return Promise.resolve(performance.now());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for the screen; it shows:\n${stripAnsi(output).slice(-800)}`)), timeoutMs);
        waiters.push({
          found,
          resolve: (at) => {
            clearTimeout(timer);
            resolve(at);
          },
        });
      });
    },
    stop: () => {
      child.kill('SIGKILL');
    },
  };
}

// Drives one store-child process from a test: send a command, get its JSON reply (replies come in order).
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ChildCommand, ChildReply } from './store-child.js';

export class StoreChild {
  private readonly waiting: ((reply: ChildReply) => void)[] = [];
  private stderr = '';
  /** resolves with the exit code (null when killed by a signal) */
  readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line) as ChildReply));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  }

  static start(script: string, dataDir: string): StoreChild {
    return new StoreChild(spawn(process.execPath, [script, dataDir], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  send(command: Exclude<ChildCommand, { cmd: 'exit' }>): Promise<ChildReply> {
    const replied = new Promise<ChildReply>((resolve, reject) => {
      this.waiting.push(resolve);
      void this.exited.then((code) => reject(new Error(`child ${this.pid} exited (${code}) before replying to ${command.cmd}: ${this.stderr}`)));
    });
    this.child.stdin.write(JSON.stringify(command) + '\n');
    return replied;
  }

  /** Asks the child to exit without closing its Store; resolves with the exit code. */
  exitWithoutClosing(): Promise<number | null> {
    this.child.stdin.write(JSON.stringify({ cmd: 'exit' } satisfies ChildCommand) + '\n');
    return this.exited;
  }

  kill(): Promise<number | null> {
    this.child.kill('SIGKILL');
    return this.exited;
  }
}

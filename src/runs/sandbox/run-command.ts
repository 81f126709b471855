// One bash call as a process: output captured (bounded), killed with its whole process group at the
// timeout or on Esc. Inside bubblewrap the group's leader is bwrap, whose PID namespace takes every
// process the command started (setsid and nohup included) down with it.
import { spawn } from 'node:child_process';

/** Output kept in memory; the recipe's output rules cut it further for the model. */
const maxCapturedChars = 1024 * 1024;
/** How long output is still read after the command exited. */
const pipeDrainMs = 300;

export interface CommandResult {
  output: string;
  exitCode: number | string;
  timedOut: boolean;
}

export interface CommandSpec {
  program: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  signal: AbortSignal;
}

export function runCommand(spec: CommandSpec): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.program, spec.args, { cwd: spec.cwd, env: spec.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    const capture = (chunk: Buffer) => {
      if (output.length < maxCapturedChars) output += chunk.toString('utf8');
    };
    child.stdout.on('data', capture);
    child.stderr.on('data', capture);
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = spec.timeoutMs > 0 ? setTimeout(() => ((timedOut = true), kill()), spec.timeoutMs) : undefined;
    spec.signal.addEventListener('abort', kill, { once: true });
    const settle = () => {
      clearTimeout(timer);
      spec.signal.removeEventListener('abort', kill);
    };
    child.on('error', (error) => {
      settle();
      reject(error);
    });
    let exit: { code: number | null; signalName: NodeJS.Signals | null } | null = null;
    let drainTimer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(drainTimer);
      if (spec.signal.aborted) reject(spec.signal.reason);
      else resolve({ output, exitCode: exit?.code ?? exit?.signalName ?? 'unknown', timedOut });
    };
    // once the command is gone, so is its group; a process that left the group (only possible without
    // a sandbox) may keep the pipes open, so the output is waited for a moment, not for ever
    child.on('exit', (code, signalName) => {
      exit = { code, signalName };
      settle();
      kill();
      drainTimer = setTimeout(() => {
        child.stdout.destroy();
        child.stderr.destroy();
        finish();
      }, pipeDrainMs);
    });
    child.on('close', () => {
      if (exit) finish();
    });
  });
}

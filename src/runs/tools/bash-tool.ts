// bash: only when the recipe lists it, only commands that start with one of its prefixes, run in the
// project root and killed (with everything it started) at bash_timeout or when the run is cancelled.
import { spawn } from 'node:child_process';
import { z } from 'zod';
import { formatDuration } from '../../../store/index.js';
import { defineTool, ToolError } from './tool-types.js';

/** Chaining, substitution and redirection would let a permitted prefix run anything else. */
const controlOperators = /[;&|`<>\n]|\$\(/;
/** Output kept in memory; the recipe's output rules cut it further for the model. */
const maxCapturedChars = 1024 * 1024;

/** Why `command` is not allowed under `prefixes`, or null when it is. */
export function bashRefusal(command: string, prefixes: string[] | null): string | null {
  if (prefixes === null || prefixes.length === 0) return null;
  const trimmed = command.trim();
  if (controlOperators.test(trimmed)) return `refused command ${JSON.stringify(command)}: ; & | \` $( < > and newlines are not allowed when bash is limited to prefixes`;
  const allowed = prefixes.some((prefix) => trimmed === prefix || trimmed.startsWith(`${prefix} `));
  return allowed ? null : `refused command ${JSON.stringify(command)}: the recipe allows only commands starting with ${prefixes.map((p) => JSON.stringify(p)).join(', ')}`;
}

export const bashTool = defineTool({
  name: 'bash',
  kind: 'bash',
  description: 'Run a shell command in the project root and read its output and exit code.',
  defaultGuidance: 'Run only the commands the task needs, such as the tests or the build.',
  inputSchema: z.object({ command: z.string().min(1).describe('the command line') }),
  describe: (input) => input.command,
  async run(input, { root, signal, bash }) {
    const refusal = bashRefusal(input.command, bash.prefixes);
    if (refusal) throw new ToolError(refusal);
    const { output, exitCode, timedOut } = await runCommand(input.command, root, bash.timeoutMs, signal);
    if (timedOut) throw new ToolError(`timed out after ${formatDuration(bash.timeoutMs)}; output so far:\n${output}`);
    return `${output}${output.endsWith('\n') || output === '' ? '' : '\n'}[exit code ${exitCode}]`;
  },
});

interface CommandResult {
  output: string;
  exitCode: number | string;
  timedOut: boolean;
}

function runCommand(command: string, cwd: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    // its own process group, so a timeout or Esc kills what the command started too
    const child = spawn('/bin/sh', ['-c', command], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const timer = timeoutMs > 0 ? setTimeout(() => ((timedOut = true), kill()), timeoutMs) : undefined;
    signal.addEventListener('abort', kill, { once: true });
    child.on('error', (error) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', kill);
      reject(error);
    });
    child.on('close', (code, signalName) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', kill);
      if (signal.aborted) reject(signal.reason);
      else resolve({ output, exitCode: code ?? signalName ?? 'unknown', timedOut });
    });
  });
}

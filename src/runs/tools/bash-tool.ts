// bash: only when the recipe lists it, only commands that start with one of its prefixes (a convenience:
// the sandbox is the boundary), run in the model's own layer (src/runs/sandbox/) and killed, with
// everything it started, at bash_timeout or when the run is cancelled.
import * as z from 'zod';
import { formatDuration } from '../../../store/index.js';
import { UnconfinedBashRefused } from '../sandbox/run-sandbox.js';
import { defineTool, ToolError } from './tool-types.js';

/** Chaining, substitution and redirection would let a permitted prefix run anything else. */
const controlOperators = /[;&|`<>\n]|\$\(/;

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
  description:
    'Run a shell command in the project root and read its output and exit code. It runs in a sandbox of your own: what it changes in the project becomes part of your proposal, like your file writes.',
  defaultGuidance: 'Run only the commands the task needs, such as the tests or the build.',
  inputSchema: z.object({ command: z.string().min(1).describe('the command line') }),
  describe: (input) => input.command,
  async run(input, { files, signal, bash }) {
    const refusal = bashRefusal(input.command, bash.prefixes);
    if (refusal) throw new ToolError(refusal);
    const layer = await files.shell().catch((error: unknown) => {
      throw error instanceof UnconfinedBashRefused ? new ToolError(error.message) : error;
    });
    const { output, exitCode, timedOut } = await layer.run(input.command, bash.timeoutMs, signal).finally(() => files.refresh());
    if (timedOut) throw new ToolError(`timed out after ${formatDuration(bash.timeoutMs)}; output so far:\n${output}`);
    return `${output}${output.endsWith('\n') || output === '' ? '' : '\n'}[exit code ${exitCode}]`;
  },
});

// A model's tools over a real temp project with a real sandbox: the same RunSandbox, ProposedFiles and
// tools a run uses, one harness per model.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseRecipe } from '../../../store/index.js';
import { RunSandbox, type RunSandboxOptions } from '../../../src/runs/sandbox/run-sandbox.js';
import { sandboxPolicyOf } from '../../../src/runs/sandbox/sandbox-policy.js';
import { ProposedFiles } from '../../../src/runs/tools/proposed-files.js';
import { runToolCall } from '../../../src/runs/tools/run-tool-call.js';
import { toolboxFor } from '../../../src/runs/tools/tool-registry.js';
import type { ToolContext } from '../../../src/runs/tools/tool-types.js';
import { tempDir } from '../../helpers/temp-dir.js';

export async function sampleProject(): Promise<{ base: string; root: string; dataDir: string }> {
  const base = await tempDir();
  const root = join(base, 'project');
  const dataDir = join(root, 'data');
  await mkdir(join(root, 'src'), { recursive: true });
  await mkdir(join(root, '.git'), { recursive: true });
  await mkdir(join(dataDir, 'sessions'), { recursive: true });
  await writeFile(join(root, 'README.md'), 'hello\n');
  await writeFile(join(root, 'src', 'main.ts'), 'export const answer = 42;\n');
  await writeFile(join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  await writeFile(join(root, '.env'), 'PROJECT_ONLY_VALUE=from-dotenv\n');
  await writeFile(join(dataDir, 'sessions', 'secret.json'), '{"other":"session"}');
  return { base, root, dataDir };
}

export interface Harness {
  call(name: string, input: unknown): Promise<{ output: string; isError: boolean }>;
  files: ProposedFiles;
}

export function harness(root: string, sandboxSection: string, options: Partial<RunSandboxOptions> = {}, bashTimeoutMs = 10_000): Harness {
  const recipe = parseRecipe(`version: 1\n\n## Tools\n- read_file\n- write_file\n- delete_file\n- list_directory\n- bash\n\n## Constraints\nbash_timeout: 10s\n\n${sandboxSection}`);
  const toolbox = toolboxFor(recipe);
  const sandbox = new RunSandbox({
    projectRoot: root,
    dataDirs: [join(root, 'data')],
    policy: sandboxPolicyOf(recipe),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root', OPENAI_API_KEY: 'sk-test-secret', MY_SERVICE_TOKEN: 'tok' },
    allowUnconfined: false,
    ...options,
  });
  const files = new ProposedFiles(root, [join(root, 'data')], sandbox);
  const context: ToolContext = { root, files, signal: new AbortController().signal, bash: { prefixes: null, timeoutMs: bashTimeoutMs }, web: toolbox.web };
  let next = 0;
  return {
    files,
    call: async (name, input) => (await runToolCall(toolbox, { id: `c${++next}`, name, input }, context)).result,
  };
}

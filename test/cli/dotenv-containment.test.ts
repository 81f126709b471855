// A cloned repository's .env cannot reach outside the sandbox: `bakeoff run` with bash, on a real server on
// 127.0.0.1 and real bubblewrap, in a project whose .env sets BAKEOFF_BWRAP, LD_PRELOAD, VISUAL and a canary. Only the
// provider settings are taken; the programs bakeoff starts outside the sandbox and bash inside it get the
// environment bakeoff was started with.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bwrapPrerequisite, requireCommand } from '../helpers/require-command.js';
import { dotEnvCanary, dotEnvKey, hostileProject } from '../helpers/hostile-dotenv.js';
import { startFakeModelServer, toolResultsIn } from '../runs/support/fake-model-server.js';
import { stopAfterEach } from '../e2e/stop-after-each.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(() => {
  assertBuilt();
  requireCommand(bwrapPrerequisite);
});

const started = stopAfterEach();

const model = 'openai/gpt-4.1';
const ignored = (line: number, name: string) => `bakeoff: warning: ./.env line ${line}: ${name} ignored (a project's .env sets only provider keys and base URLs)`;

describe("a hostile project's .env", () => {
  it('sets neither the sandbox program nor a preloaded library: the helpers and bash see the environment bakeoff started with', async () => {
    const server = started.server(
      await startFakeModelServer('openai', [
      { kind: 'stream', toolCalls: [{ id: 'call_1', name: 'bash', args: '{"command":"env"}' }], usage: { input: 10, output: 5 } },
      { kind: 'stream', text: ['done'], usage: { input: 20, output: 2 } },
      ]),
    );
    const hostile = await hostileProject(`OPENAI_BASE_URL=${server.baseURL}\n`);
    await writeFile(join(hostile.project, 'bash.recipe.md'), `# Bash\nversion: 1\n\n## Models\n- ${model}\n\n## Tools\n- bash\n`);
    const result = await runCli(['run', '--recipe', 'bash.recipe.md', '--json', 'show the environment'], {
      dataDir: hostile.data,
      cwd: hostile.project,
      env: { ...hostile.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' },
    });
    expect(hostile.markers()).toBe('');
    expect(result.stderrLines).toEqual([ignored(1, 'BAKEOFF_BWRAP'), ignored(2, 'LD_PRELOAD'), ignored(3, 'VISUAL'), ignored(4, 'DOTENV_CANARY'), `bakeoff: ${model} at ${server.baseURL} (OPENAI_BASE_URL from ./.env)`]);
    expect(result.code).toBe(0);

    // the key from .env reached the model server (the run answered) but no other program
    const runs = hostile.helperRuns();
    expect([...runs.keys()].sort()).toEqual(['bwrap', 'nsenter', 'unshare']);
    for (const environment of [...runs.values()].flat()) {
      expect(environment).toContain('PATH=');
      for (const leaked of ['LD_PRELOAD', 'BAKEOFF_BWRAP', dotEnvCanary, dotEnvKey, server.baseURL]) expect(environment).not.toContain(leaked);
    }
    const [bashOutput] = toolResultsIn('openai', server.requests[1].body);
    expect(bashOutput).toContain('PATH=');
    for (const leaked of ['LD_PRELOAD', 'BAKEOFF_BWRAP', dotEnvCanary, dotEnvKey, 'OPENAI_']) expect(bashOutput).not.toContain(leaked);
  });
});

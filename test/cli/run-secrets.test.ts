// Secrets stay secret on the real path: the built binary against a server on 127.0.0.1 that echoes what it was
// given. A configured key that does not look like one (from the environment or from .env) and a base URL whose
// password holds a raw `@` appear nowhere: not on stdout, not on stderr, not in any file of the data directory.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { startFakeModelServer } from '../runs/support/fake-model-server.js';
import { stopAfterEach } from '../e2e/stop-after-each.js';
import { assertBuilt, runCli, type CliResult } from './run-cli.js';

beforeAll(assertBuilt);

const started = stopAfterEach();

const model = 'openai/gpt-4.1';

/** Every file under `dir`, as text. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

async function project(dotEnv?: string): Promise<{ data: string; project: string }> {
  const root = await tempDir('bakeoff-run-secrets-');
  const dir = join(root, 'project');
  await mkdir(dir);
  if (dotEnv !== undefined) await writeFile(join(dir, '.env'), dotEnv);
  return { data: join(root, 'data'), project: dir };
}

function expectNowhere(secrets: string[], result: CliResult, data: string): void {
  const files = filesUnder(data);
  expect(files.some((text) => text.includes('[redacted]'))).toBe(true);
  for (const secret of secrets) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
    for (const text of files) expect(text).not.toContain(secret);
  }
}

describe('a provider error that repeats the key', () => {
  it.each([
    ['the environment', 'gsk_live1234567890abcdefXYZ', undefined],
    ['./.env', 'gsk_fromdotenv0987654321QRS', 'OPENAI_API_KEY=gsk_fromdotenv0987654321QRS\n'],
  ])('a key from %s is redacted from stdout, stderr and the session files', async (_origin, key, dotEnv) => {
    const server = started.server(await startFakeModelServer('openai', [{ kind: 'status', status: 401, message: `Incorrect API key provided: ${key}. You can find your API key at https://example.invalid.` }]));
    const { data, project: cwd } = await project(dotEnv);
    const result = await runCli(['run', '-m', model, 'say hi'], { dataDir: data, cwd, env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: dotEnv === undefined ? key : '' } });
    expect(result.code).toBe(1);
    expect(result.stderrLines.at(-1)).toMatch(/^bakeoff: no model answered: openai\/gpt-4\.1 \(.*Incorrect API key provided: \[redacted\]\. You can find/);
    expectNowhere([key], result, data);
  });
});

describe('a base URL with a password that holds a raw @', () => {
  it('is redacted whole on the endpoint line, in the error and in the session files', async () => {
    const server = started.server(await startFakeModelServer('openai', [{ kind: 'stream', text: ['never'], usage: { input: 1, output: 1 } }]));
    const { data, project: cwd } = await project();
    const baseURL = server.baseURL.replace('http://', 'http://usr:p@ssSECRET@');
    const result = await runCli(['run', '-m', model, 'say hi'], { dataDir: data, cwd, env: { OPENAI_BASE_URL: baseURL, OPENAI_API_KEY: 'test-key' } });
    expect(result.stderrLines[0]).toBe(`bakeoff: ${model} at ${server.baseURL.replace('http://', 'http://[redacted]@')} (OPENAI_BASE_URL from the environment)`);
    expect(result.code).toBe(1);
    expectNowhere(['ssSECRET', 'usr:p'], result, data);
  });
});

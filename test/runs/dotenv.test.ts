// The project's .env: provider keys and base URLs only (any other name is a warning with its line), never
// copied into the environment, a warning per invalid line, an empty variable counts as unset, and an endpoint
// says where it came from.
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDotEnv, resolveModels } from '../../src/runs/index.js';
import { providerVariable, variableOrigin } from '../../src/runs/dotenv.js';
import { parseDotEnv } from '../../src/runs/dotenv-parse.js';
import { tempDir } from '../helpers/temp-dir.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a .env that is not a file', () => {
  it.each([
    ['a named pipe (reading it would wait forever)', (file: string) => execFileSync('mkfifo', [file])],
    ['a link to /dev/zero (it never ends)', (file: string) => symlinkSync('/dev/zero', file)],
  ])('%s is refused at once with one line naming it', async (_name, make) => {
    const root = await tempDir('bakeoff-dotenv-');
    make(join(root, '.env'));
    const started = performance.now();
    expect(() => loadDotEnv(root, {})).toThrow(`could not read ${join(root, '.env')}: it is not a regular file`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

async function projectWithDotEnv(text: string): Promise<string> {
  const root = await tempDir('bakeoff-dotenv-');
  await writeFile(join(root, '.env'), text);
  return root;
}

describe('parseDotEnv', () => {
  it.each([
    ['NAME=value', [['NAME', 'value']], []],
    ['export NAME = value # comment', [['NAME', 'value']], []],
    ['A="one\\ntwo"', [['A', 'one\ntwo']], []],
    ["A='x # not a comment'", [['A', 'x # not a comment']], []],
    ['A="first\nsecond"\nB=2', [['A', 'first\nsecond'], ['B', '2']], []],
    ['# comment\n\n   \nA=', [['A', '']], []],
    ['not an assignment\nB=2', [['B', '2']], [1]],
    ['A=1\n1BAD=x\nC D=3\nE="never closed\nF=6', [['A', '1'], ['F', '6']], [2, 3, 4]],
  ])('%j', (text, entries, invalidLines) => {
    const parsed = parseDotEnv(text);
    expect(parsed.entries.map((e) => [e.name, e.value])).toEqual(entries);
    expect(parsed.invalidLines).toEqual(invalidLines);
  });
});

describe('loadDotEnv', () => {
  it('takes provider keys and base URLs only; any other name is a warning with its file, line and name', async () => {
    const root = await projectWithDotEnv(
      'OPENAI_API_KEY=sk-from-file-123\nBAKEOFF_BWRAP=./evil.sh\nthis is not valid\nLD_PRELOAD=/tmp/evil.so\nPATH=/evil\nOLLAMA_BASE_URL=http://10.0.0.9:11434/v1\nNODE_OPTIONS=--require ./x.js\n=x\nEDITOR=./e\n',
    );
    const env: NodeJS.ProcessEnv = { PATH: '/usr/bin' };
    const loaded = loadDotEnv(root, env);
    const file = join(root, '.env');
    expect(loaded.warnings).toEqual([
      `${file} line 2: BAKEOFF_BWRAP ignored (a project's .env sets only provider keys and base URLs)`,
      `${file} line 3: not NAME=value, skipped`,
      `${file} line 4: LD_PRELOAD ignored (a project's .env sets only provider keys and base URLs)`,
      `${file} line 5: PATH ignored (a project's .env sets only provider keys and base URLs)`,
      `${file} line 7: NODE_OPTIONS ignored (a project's .env sets only provider keys and base URLs)`,
      `${file} line 8: not NAME=value, skipped`,
      `${file} line 9: EDITOR ignored (a project's .env sets only provider keys and base URLs)`,
    ]);
    expect([...loaded.settings]).toEqual([
      ['OPENAI_API_KEY', 'sk-from-file-123'],
      ['OLLAMA_BASE_URL', 'http://10.0.0.9:11434/v1'],
    ]);
    // nothing is copied into the environment: programs bakeoff starts see it as it was
    expect(env).toEqual({ PATH: '/usr/bin' });
    expect(providerVariable('OPENAI_API_KEY', env)).toBe('sk-from-file-123');
    expect(providerVariable('BAKEOFF_BWRAP', env)).toBeUndefined();
    expect(resolveModels(['openai/gpt-4.1'], env).problems).toEqual([]);
  });

  it('never changes process.env', async () => {
    const root = await projectWithDotEnv('OPENAI_COMPATIBLE_API_KEY=from-file-key\nBAKEOFF_TEST_FROM_FILE=x\n');
    vi.stubEnv('OPENAI_COMPATIBLE_API_KEY', undefined);
    const before = { ...process.env };
    loadDotEnv(root);
    expect({ ...process.env }).toEqual(before);
    expect(providerVariable('OPENAI_COMPATIBLE_API_KEY')).toBe('from-file-key');
  });

  it('a set but empty variable takes the .env value; a set one wins', async () => {
    const root = await projectWithDotEnv('ANTHROPIC_API_KEY=from-file\nOPENAI_API_KEY=from-file\nOPENROUTER_API_KEY=from-file\n');
    const env: NodeJS.ProcessEnv = { ANTHROPIC_API_KEY: '', OPENAI_API_KEY: 'from-shell', OPENROUTER_API_KEY: '  ' };
    loadDotEnv(root, env);
    expect(['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'OPENROUTER_API_KEY'].map((name) => [providerVariable(name, env), variableOrigin(name, env)])).toEqual([
      ['from-file', join(root, '.env')],
      ['from-shell', 'the environment'],
      ['from-file', join(root, '.env')],
    ]);
    expect(resolveModels(['anthropic/claude-sonnet-4-5'], env).problems).toEqual([]);
  });

  it('an empty variable is unset for the provider lookup too', () => {
    expect(resolveModels(['openai/gpt-4.1'], { OPENAI_API_KEY: ' ' }).problems).toEqual(['openai/gpt-4.1 left out: set OPENAI_API_KEY']);
  });

  it('does nothing when there is no .env', () => {
    expect(loadDotEnv(join('/nonexistent', 'project'), {})).toEqual({ file: null, settings: new Map(), warnings: [] });
  });
});

describe('endpoint provenance', () => {
  it('a base URL from .env is named with its variable and file; the user info of a URL is never shown', async () => {
    const root = await projectWithDotEnv('OPENAI_BASE_URL=http://user:hunter2@evil.example:8080/v1\n');
    const env: NodeJS.ProcessEnv = { OPENAI_API_KEY: 'sk-shell', ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/v1', OPENROUTER_API_KEY: 'k' };
    loadDotEnv(root, env);
    const { models } = resolveModels(['openai/gpt-4.1', 'anthropic/claude-sonnet-4-5', 'openrouter/x/y', 'ollama/llama3', 'demo/alpha'], env);
    expect(models.map((m) => [m.id, m.endpoint])).toEqual([
      ['openai/gpt-4.1', `http://[redacted]@evil.example:8080/v1 (OPENAI_BASE_URL from ${join(root, '.env')})`],
      ['anthropic/claude-sonnet-4-5', 'http://127.0.0.1:9/v1 (ANTHROPIC_BASE_URL from the environment)'],
      ['openrouter/x/y', null],
      ['ollama/llama3', null],
      ['demo/alpha', null],
    ]);
    expect(resolveModels(['ollama/llama3'], { OLLAMA_BASE_URL: 'http://10.0.0.2:11434/v1' }).models[0].endpoint).toBe('http://10.0.0.2:11434/v1 (OLLAMA_BASE_URL from the environment)');
  });
});

// The project's .env: which variables it set (the bash tool leaves them out), a warning per invalid line, an
// empty variable counts as unset both when loading and when looking a provider up, and an endpoint says
// where it came from.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDotEnv, resolveModels } from '../../src/runs/index.js';
import { variableOrigin, variablesFromDotEnv } from '../../src/runs/dotenv.js';
import { parseDotEnv } from '../../src/runs/dotenv-parse.js';
import { tempDir } from '../helpers/temp-dir.js';

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
  it('warns once per invalid line, naming the file and the line, and loads the valid ones', async () => {
    const root = await projectWithDotEnv('GOOD=1\nthis is not valid\nALSO_GOOD=2\n=x\n');
    const env: NodeJS.ProcessEnv = {};
    const loaded = loadDotEnv(root, env);
    expect(loaded.warnings).toEqual([`${join(root, '.env')} line 2: not NAME=value, skipped`, `${join(root, '.env')} line 4: not NAME=value, skipped`]);
    expect(env).toEqual({ GOOD: '1', ALSO_GOOD: '2' });
  });

  it('a set but empty variable takes the .env value; a set one wins', async () => {
    const root = await projectWithDotEnv('ANTHROPIC_API_KEY=from-file\nOPENAI_API_KEY=from-file\nBLANK_KEY=from-file\n');
    const env: NodeJS.ProcessEnv = { ANTHROPIC_API_KEY: '', OPENAI_API_KEY: 'from-shell', BLANK_KEY: '  ' };
    const loaded = loadDotEnv(root, env);
    expect(env).toEqual({ ANTHROPIC_API_KEY: 'from-file', OPENAI_API_KEY: 'from-shell', BLANK_KEY: 'from-file' });
    expect(loaded.loaded).toEqual(['ANTHROPIC_API_KEY', 'BLANK_KEY']);
    expect(resolveModels(['anthropic/claude-sonnet-4-5'], env).problems).toEqual([]);
  });

  it('an empty variable is unset for the provider lookup too', () => {
    expect(resolveModels(['openai/gpt-4.1'], { OPENAI_API_KEY: ' ' }).problems).toEqual(['openai/gpt-4.1 left out: set OPENAI_API_KEY']);
  });

  it('names every variable the file defines, for leaving them out of a subprocess', async () => {
    const root = await projectWithDotEnv('DATABASE_URL=postgres://x\nOPENAI_API_KEY=sk-file\n');
    const env: NodeJS.ProcessEnv = { OPENAI_API_KEY: 'sk-shell' };
    loadDotEnv(root, env);
    expect([...variablesFromDotEnv(env)].sort()).toEqual(['DATABASE_URL', 'OPENAI_API_KEY']);
    expect(variableOrigin('DATABASE_URL', env)).toBe(join(root, '.env'));
    expect(variableOrigin('OPENAI_API_KEY', env)).toBe('the environment');
    expect(variablesFromDotEnv({}).size).toBe(0);
  });

  it('does nothing when there is no .env', () => {
    expect(loadDotEnv(join('/nonexistent', 'project'), {})).toEqual({ file: null, defined: [], loaded: [], warnings: [] });
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

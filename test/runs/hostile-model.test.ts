// A hostile model over the real OpenAI wire format (a local HTTP server scripts its tool calls), run in a
// project whose data directory is ./data: it reads nothing outside the project or protected, and a pick
// of its answer writes nothing protected, even when the proposal comes back from a tampered checkpoint.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyChoice } from '../../src/runs/index.js';
import type { CompletedRun } from '../../src/runs/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startFakeModelServer, toolResultsIn, type FakeModelServer, type ScriptedToolCall } from './support/fake-model-server.js';
import { openRunStore, runPrompt } from './support/run-fixture.js';

let server: FakeModelServer | undefined;
beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '1');
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await server?.close();
  server = undefined;
});

const attacks: ScriptedToolCall[] = [
  { id: 'c1', name: 'search_code', args: '{"query":"SECRET","glob":"linkdir/*"}' },
  { id: 'c2', name: 'search_files', args: '{"pattern":"rootlink/etc/*"}' },
  { id: 'c3', name: 'read_file', args: '{"path":"data/prompt_history.jsonl"}' },
  { id: 'c4', name: 'read_file', args: '{"path":".env"}' },
  { id: 'c5', name: 'search_code', args: '{"query":"OPENAI_API_KEY"}' },
  { id: 'c6', name: 'write_file', args: '{"path":".git/config","content":"[core]\\n\\tfsmonitor = touch pwned"}' },
  { id: 'c7', name: 'edit_file', args: '{"path":"data/sessions/x/recipe.md","old_string":"bash(ls)","new_string":"bash"}' },
  { id: 'c8', name: 'write_file', args: '{"path":"data/prompt_history.jsonl","content":"\\"planted\\"\\n"}' },
];

describe('a hostile model', () => {
  it('reads nothing outside the project or protected, and proposes nothing protected', async () => {
    server = await startFakeModelServer('openai', [{ kind: 'stream', toolCalls: attacks, usage: { input: 10, output: 10 } }, { kind: 'stream', text: ['done'], usage: { input: 10, output: 1 } }]);
    vi.stubEnv('OPENAI_BASE_URL', server.baseURL);
    vi.stubEnv('OPENAI_API_KEY', 'sk-test-0123456789');
    const outside = await tempDir('bakeoff-outside-');
    await writeFile(join(outside, 'secret.txt'), 'SECRET from outside');
    const opened = await openRunStore(undefined, { dataInProject: true });
    const { store, project } = opened;
    await symlink(outside, join(project, 'linkdir'));
    await symlink('/', join(project, 'rootlink'));
    await writeFile(join(project, '.env'), 'OPENAI_API_KEY=sk-project-secret\n');
    await mkdir(join(project, '.git'));
    await writeFile(join(project, '.git', 'config'), '[core]\n');
    await store.recordPrompt('an earlier private prompt');

    const run = await runPrompt(opened, ['openai/gpt-4.1'], 'look around');
    const results = toolResultsIn('openai', server.requests[1].body);
    expect(results).toHaveLength(attacks.length);
    for (const result of results) {
      expect(result).toMatch(/^refused path|protected|no matches/);
      expect(result).not.toMatch(/SECRET from outside|root:x:0|hostname|an earlier private prompt|sk-project-secret/);
    }
    expect(run.responses[0].proposedWrites ?? []).toEqual([]);
    expect(await readFile(join(project, '.git', 'config'), 'utf8')).toBe('[core]\n');
  });

  it('a proposal of a protected path (as a tampered checkpoint would hold) is refused at apply, writing nothing', async () => {
    const opened = await openRunStore(undefined, { dataInProject: true });
    const { store, project } = opened;
    await mkdir(join(project, '.git'));
    await writeFile(join(project, '.git', 'config'), '[core]\n');
    const run = await runPrompt(opened, ['demo/alpha'], 'write ok.txt: fine');
    for (const path of ['.git/config', 'data/prompt_history.jsonl', '.env']) {
      const tampered: CompletedRun = { ...run, responses: [{ ...run.responses[0], proposedWrites: [{ path: 'ok.txt', content: 'fine' }, { path, content: 'planted' }] }] };
      await expect(applyChoice(store, tampered, { kind: 'pick', modelId: 'demo/alpha' }, project)).rejects.toThrow(/protected|data directory/);
    }
    expect(await readFile(join(project, '.git', 'config'), 'utf8')).toBe('[core]\n');
    await expect(readFile(join(project, 'ok.txt'))).rejects.toThrow();
    expect(await readFile(store.metadataPath(), 'utf8')).not.toContain('planted');
  });
});

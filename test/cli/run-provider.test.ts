// `bakeoff run` on a real provider path: the built binary talks to an OpenAI-wire server on 127.0.0.1
// through the AI SDK adapter, with tools, usage, prices, a pick that applies, one that cannot, and hostile text.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { calcPrice } from '@pydantic/genai-prices';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startFakeModelServer, toolResultsIn, type FakeModelServer, type RecordedRequest, type Reply } from '../runs/support/fake-model-server.js';
import { assertBuilt, runCli, type CliResult } from './run-cli.js';

beforeAll(assertBuilt);

let server: FakeModelServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const model = 'openai/gpt-4.1';

async function runAgainst(replies: Reply[] | ((request: RecordedRequest, index: number) => Reply), args: string[], setup?: (project: string) => Promise<void>): Promise<CliResult & { data: string; project: string }> {
  server = await startFakeModelServer('openai', replies);
  const root = await tempDir('bakeoff-run-wire-');
  const data = join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project);
  await setup?.(project);
  const result = await runCli(['run', '-m', model, ...args], { dataDir: data, cwd: project, env: { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'test-key' } });
  // as on the app's start line, the endpoint the key goes to comes first on stderr
  expect(result.stderrLines[0]).toBe(`bakeoff: ${model} at ${server.baseURL} (OPENAI_BASE_URL from the environment)`);
  return { ...result, stderrLines: result.stderrLines.slice(1), data, project };
}

/**
 * `bakeoff run --pick fastest` on a model that proposes `write`, then answers while `change` alters the
 * project (as the user or another tool would mid-run).
 */
function pickAfterChange(write: { path: string; content: string }, change: (project: string) => Promise<void>, prompt: string, setup?: (project: string) => Promise<void>) {
  let project = '';
  return runAgainst(
    (_request, index) => {
      if (index === 1) void change(project);
      return index === 0
        ? { kind: 'stream', toolCalls: [{ id: 'call_1', name: 'write_file', args: JSON.stringify(write) }], usage: { input: 10, output: 5 } }
        : { kind: 'stream', text: ['Proposed.'], usage: { input: 20, output: 2 }, delayMs: 50 };
    },
    ['--pick', 'fastest', prompt],
    async (dir) => {
      project = dir;
      await setup?.(dir);
    },
  );
}

/** The metadata of the one session in `data`. */
async function sessionMetadata(data: string): Promise<SessionMetadata> {
  const [id] = await readdir(join(data, 'sessions'));
  return JSON.parse(await readFile(join(data, 'sessions', id, 'session_metadata.json'), 'utf8')) as SessionMetadata;
}

describe('bakeoff run on an OpenAI-wire server', () => {
  it('streams, runs the tools, reports usage and the catalog price, and --pick applies the proposal', async () => {
    const result = await runAgainst(
      [
        { kind: 'stream', toolCalls: [{ id: 'call_1', name: 'read_file', args: '{"path":"in.txt"}' }], usage: { input: 1000, output: 200 } },
        { kind: 'stream', toolCalls: [{ id: 'call_2', name: 'write_file', args: '{"path":"out/result.txt","content":"read: input text"}' }], usage: { input: 1300, output: 100 } },
        { kind: 'stream', text: ['Wrote ', 'out/result.txt.'], usage: { input: 1400, output: 10 } },
      ],
      ['--pick', model, '--json', 'copy in.txt into out/result.txt'],
      (project) => writeFile(join(project, 'in.txt'), 'input text'),
    );
    expect(result.stderrLines).toEqual([]);
    expect(result.code).toBe(0);
    // the model read the real file through the tool
    expect(toolResultsIn('openai', server!.requests[1].body)).toEqual(['input text']);
    const report = JSON.parse(result.stdout) as { session_id: string; picked: string; applied_files: string[]; responses: Record<string, unknown>[] };
    const [response] = report.responses;
    expect(response).toMatchObject({
      model,
      ok: true,
      text: 'Wrote out/result.txt.',
      input_tokens: 3700,
      output_tokens: 310,
      tool_calls: { read_file: 1, write_file: 1 },
      proposed_writes: ['out/result.txt'],
      error: null,
    });
    const price = (input: number, output: number) => calcPrice({ input_tokens: input, output_tokens: output }, 'gpt-4.1', { providerId: 'openai' })!.total_price;
    expect(response.cost_usd as number).toBeCloseTo(price(1000, 200) + price(1300, 100) + price(1400, 10), 12);
    expect(report.picked).toBe(model);
    expect(report.applied_files).toEqual(['out/result.txt']);
    expect(await readFile(join(result.project, 'out', 'result.txt'), 'utf8')).toBe('read: input text');
    const meta = JSON.parse(await readFile(join(result.data, 'sessions', report.session_id, 'session_metadata.json'), 'utf8')) as SessionMetadata;
    expect(meta.runs[0]).toMatchObject({ selected: model, note: 'Applied: out/result.txt', costs_usd: { [model]: response.cost_usd } });
  });

  it('a pick whose write can no longer be applied exits 1 with one line and writes nothing', async () => {
    // after the model proposed out/x.txt, something makes `out` a file: the apply must fail, not half-write
    const result = await pickAfterChange({ path: 'out/x.txt', content: 'x' }, (project) => writeFile(join(project, 'out'), 'a file now'), 'write out/x.txt');
    const { project } = result;
    expect(result.code).toBe(1);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderrLines[0]).toMatch(/^bakeoff: cannot apply the answer of openai\/gpt-4\.1: .*out/);
    expect(result.stdout).toContain('Picked: none · Skipped.');
    expect(await readFile(join(project, 'out'), 'utf8')).toBe('a file now');
    expect(existsSync(join(project, 'out', 'x.txt'))).toBe(false);
    // the run is recorded as skipped, as every finished run has a note
    expect((await sessionMetadata(result.data)).runs[0]).toMatchObject({ note: 'Skipped.' });
  });

  it('a pick of a file the user changed during the run exits 1 in command-line words: no `1!` to type here', async () => {
    // the user edits notes.txt while the model is still working
    const result = await pickAfterChange({ path: 'notes.txt', content: 'model' }, (project) => writeFile(join(project, 'notes.txt'), 'the user was here'), 'rewrite notes.txt', (project) =>
      writeFile(join(project, 'notes.txt'), 'original'),
    );
    const { project } = result;
    expect(result.code).toBe(1);
    expect(result.stderrLines).toEqual([`bakeoff: cannot apply the answer of ${model}: notes.txt changed in the project during the run, so nothing was written`]);
    expect(await readFile(join(project, 'notes.txt'), 'utf8')).toBe('the user was here');
    expect((await sessionMetadata(result.data)).runs[0]).toMatchObject({ note: 'Skipped.' });
  });

  it("a provider error fails the model: exit 1, the error in its block and on stderr", async () => {
    const result = await runAgainst([{ kind: 'status', status: 400, message: 'the model is not available' }], ['say hi']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/── openai\/gpt-4\.1 · failed · .*\nerror: .*the model is not available/);
    expect(result.stderrLines).toHaveLength(1);
    expect(result.stderrLines[0]).toMatch(/^bakeoff: no model answered: openai\/gpt-4\.1 \(.*the model is not available\)$/);
  });

  it('escape sequences in an answer are shown escaped in text, and kept exact in JSON', async () => {
    const hostile = 'safe\u001b[2J\u001b]0;pwned\u0007 text\rover\u202eright';
    const text = await runAgainst([{ kind: 'stream', text: [hostile], usage: { input: 5, output: 5 } }], ['say something']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/);
    // the app's one escaping rule (src/text/visible-text.ts): C0 as its picture, bidi as <U+…>
    expect(text.stdout).toContain('safe\u241b[2J\u241b]0;pwned\u2407 text\u240dover<U+202E>right');
    await server!.close();

    const json = await runAgainst([{ kind: 'stream', text: [hostile], usage: { input: 5, output: 5 } }], ['--json', 'say something']);
    expect(json.stdout).not.toContain('\u001b');
    expect((JSON.parse(json.stdout) as { responses: { text: string }[] }).responses[0].text).toBe(hostile);
  });

  it("the project's .env is read as in the app: its endpoint is named with the file, a bad line is a warning", async () => {
    server = await startFakeModelServer('openai', [{ kind: 'stream', text: ['from .env'], usage: { input: 3, output: 2 } }]);
    const root = await tempDir('bakeoff-run-wire-');
    const project = join(root, 'project');
    await mkdir(project);
    await writeFile(join(project, '.env'), `OPENAI_BASE_URL=${server.baseURL}\nOPENAI_API_KEY=from-dotenv\nthis is not a variable\n`);
    // empty counts as unset, so the file's values are used
    const result = await runCli(['run', '-m', model, '--json', 'hi'], { dataDir: join(root, 'data'), cwd: project, env: { OPENAI_BASE_URL: '', OPENAI_API_KEY: '' } });
    expect(result.code).toBe(0);
    expect(result.stderrLines).toEqual(['bakeoff: warning: ./.env line 3: not NAME=value, skipped', `bakeoff: ${model} at ${server.baseURL} (OPENAI_BASE_URL from ./.env)`]);
    expect((JSON.parse(result.stdout) as { responses: { text: string }[] }).responses[0].text).toBe('from .env');
  });
});

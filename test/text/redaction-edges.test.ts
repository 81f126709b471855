// Secrets are redacted at every edge where error text is stored or shown, by the one function in
// src/text/redact-secrets.ts: a tool's error (stored in the session content and read by the model), a model's
// error (stored in the session and the checkpoint), the app's error lines, the CLI's one-line errors and the
// --debug stack. Each source gets the same secrets; none may come out.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRecipe, responseSnapshot } from '../../store/index.js';
import { toolboxFor } from '../../src/runs/tools/tool-registry.js';
import { ProposedFiles } from '../../src/runs/tools/proposed-files.js';
import { runToolCall } from '../../src/runs/tools/run-tool-call.js';
import { failedResponse, responseFromOutcome } from '../../src/runs/model-responses.js';
import { feedMessage } from '../../src/app/feed.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from '../cli/run-cli.js';

beforeAll(assertBuilt);

const KEY = 'sk-proj-abcdefghijklmnop1234';
const secrets = [KEY, 'hunter2', 'tok_live_9f8e7d6c5b4a'];
const leaky = `POST https://bob:hunter2@api.example.com/v1 failed; Authorization: Bearer tok_live_9f8e7d6c5b4a; key ${KEY}`;

function expectRedacted(text: string): void {
  for (const secret of secrets) expect(text).not.toContain(secret);
  expect(text).toContain('[redacted]');
}

const outcome = (error: string) => ({
  text: '',
  events: [],
  inputTokens: 0,
  outputTokens: 0,
  reasoningTokens: 0,
  costUsd: 0,
  proposedWrites: [],
  toolCalls: {},
  steps: 1,
  estimated: false,
  stopReason: 'error' as const,
  error,
  interrupted: false,
  latencyMs: 5,
});

describe('redaction at each edge', () => {
  it('a tool error (a real read_file of a key-shaped path): the event stored and the result the model reads', async () => {
    const root = await tempDir('bakeoff-redact-');
    await mkdir(join(root, 'keys'));
    const toolbox = toolboxFor(defaultRecipe());
    const files = new ProposedFiles(root, [], null);
    const context = { root, files, signal: new AbortController().signal, bash: { prefixes: toolbox.bashPrefixes, timeoutMs: 5000 }, web: toolbox.web };
    const { event, result } = await runToolCall(toolbox, { id: 'c1', name: 'read_file', input: { path: `keys/${KEY}.txt` } }, context);
    expect(result.isError).toBe(true);
    expect(event.type).toBe('error');
    for (const text of [event.data, result.output]) {
      expect(text).not.toContain(KEY);
      expect(text).toContain('[redacted]');
    }
    await files.finish();
  });

  it.each([
    ['a model that failed mid-run (session and checkpoint)', () => responseFromOutcome('demo/alpha', outcome(leaky))],
    ['a model that could not start', () => failedResponse('demo/alpha', leaky)],
  ])('%s', (_name, make) => {
    const response = make();
    expectRedacted(response.error ?? '');
    expectRedacted(responseSnapshot(response).error ?? '');
  });

  it.each(['error', 'warning'] as const)('an app %s line', (level) => {
    expectRedacted(feedMessage(level, leaky).text);
  });

  it('a CLI one-line error, and its --debug stack', async () => {
    const plain = await runCli(['show', KEY]);
    expect(plain.code).toBe(1);
    expect(plain.stderrLines).toHaveLength(1);
    expect(plain.stderr).not.toContain(KEY);
    expect(plain.stderr).toContain('[redacted]');
    const debug = await runCli(['show', KEY, '--debug']);
    expect(debug.stderrLines.length).toBeGreaterThan(1);
    expect(debug.stderr).not.toContain(KEY);
  });
});

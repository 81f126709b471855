// The real app in tmux against a model (a local OpenAI-format server) that answers with escape sequences in
// its text, its tool arguments, a proposed file name and an error body: the terminal's title and clipboard
// stay as they were, and the screen shows the sequences as visible characters.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { startFakeModelServer, type Reply } from '../runs/support/fake-model-server.js';
import { stopAfterEach } from './stop-after-each.js';
import { assertAppBuilt, launchApp } from './launch-app.js';

const title = '\x1b]2;PWNED-TITLE\x07';
const clipboard = '\x1b]52;c;UFdORUQtQ0xJUA==\x07';
const conceal = '\x1b[8m';

const started = stopAfterEach();

beforeAll(() => assertAppBuilt());

function reply(body: Record<string, unknown>, index: number): Reply {
  if (body.model === 'bad') return { kind: 'status', status: 401, message: `invalid key ${title}${clipboard}` };
  const messages = (body.messages ?? []) as unknown[];
  if (messages.some((m) => (m as { role?: string }).role === 'tool')) return { kind: 'stream', text: [`done ${title}`], usage: { input: 5, output: 2 } };
  return {
    kind: 'stream',
    text: [`Hello ${title}`, ` and ${clipboard} bye`],
    toolCalls: [
      { id: `w${index}`, name: 'write_file', args: JSON.stringify({ path: `${conceal}a.txt`, content: 'x' }) },
      { id: `v${index}`, name: 'write_file', args: JSON.stringify({ path: 'visible.txt', content: 'y' }) },
      { id: `r${index}`, name: 'read_file', args: JSON.stringify({ path: `${title}.txt` }) },
    ],
    usage: { input: 5, output: 5 },
  };
}

describe('escape sequences from a model', () => {
  it('change neither the terminal title nor the clipboard, and show up escaped', async () => {
    const server = started.server(await startFakeModelServer('openai', (request, index) => reply(request.body, index)));
    const root = await tempDir('bakeoff-e2e-esc-');
    const project = join(root, 'project');
    await mkdir(project);
    const terminal = started.terminal(launchApp(project, join(root, 'data'), ['--models', 'openai/good,openai/bad'], { OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'sk-test-1234567890' }));
    await terminal.waitFor('│ > Type a prompt, or /help');
    const titleBefore = terminal.paneTitle();
    terminal.type('go', 'Enter');
    const screen = await terminal.waitFor('Pick a response', 20_000);
    expect(terminal.paneTitle()).toBe(titleBefore);
    expect(terminal.paneTitle()).not.toContain('PWNED');
    expect(terminal.buffers()).toBe('');
    const flat = screen.replace(/\s+/g, ' ');
    expect(flat).toContain('writes: +␛[8ma.txt, +visible.txt');
    expect(screen).toContain('␛]2;PWNED-TITLE␇');
    // the failed model's error body, in full in the scrollback once the pick is done
    terminal.type('s', 'Enter');
    const after = (await terminal.waitFor('Skipped.')).replace(/\s+/g, '');
    expect(after).toContain('invalidkey␛]2;PWNED-TITLE␇␛]52;c;UFdORUQtQ0xJUA==␇');
    expect(terminal.paneTitle()).toBe(titleBefore);
    expect(terminal.buffers()).toBe('');
  });
});

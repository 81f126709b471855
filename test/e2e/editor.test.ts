// The prompt line in a real terminal (tmux) on the real binary: bursts, the readline keys, multi-line,
// bracketed paste, focus with a panel open, resize, NO_COLOR, /help on 80x24, $EDITOR.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { assertAppBuilt, launchApp } from './launch-app.js';
import { stopAfterEach } from './stop-after-each.js';
import type { TmuxTerminal } from './tmux.js';

const started = stopAfterEach();
let terminal: TmuxTerminal | undefined;
beforeAll(() => assertAppBuilt());

interface Started {
  term: TmuxTerminal;
  root: string;
  data: string;
}

async function start(options: { columns?: number; rows?: number; env?: Record<string, string> } = {}): Promise<Started> {
  const root = await tempDir('bakeoff-e2e-editor-');
  const data = join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project);
  terminal = started.terminal(launchApp(project, data, ['--models', 'demo/alpha,demo/beta'], options.env, options));
  await terminal.waitFor('Type a prompt, or /help');
  return { term: terminal, root, data };
}

/** The input box's line holding `text` (the box pads it to its right border). */
const inputLine = (text: string) => new RegExp(`│ > ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} *│`);

const promptHistory = (data: string): string[] =>
  readFileSync(join(data, 'prompt_history.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as string);

/** A colour in SGR parameters: 30–38, 40–48, 90–97, 100–107 (39 and 49, the default colours, are none). */
const colourCode = /\x1b\[(?:[\d;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[\d;]*)?m/;

describe('the prompt line in a terminal', () => {
  it('a burst of Backspaces in one send-keys deletes that many, and every readline key edits', async () => {
    const { term, data } = await start();
    term.type('hello');
    await term.waitFor(inputLine('hello'));
    term.keys('BSpace', 'BSpace', 'BSpace');
    term.type('abX');
    await term.waitFor(inputLine('heabX'));

    term.keys('C-u');
    term.type('one two three');
    term.keys('C-w', 'C-a');
    term.type('X');
    term.keys('C-e');
    term.type('Y');
    await term.waitFor(inputLine('Xone two Y'));
    term.keys('Home', 'DC', 'End', 'BSpace', 'C-h');
    await term.waitFor(inputLine('one two'));
    term.keys('M-b', 'C-k');
    await term.waitFor(inputLine('one'));
    term.keys('C-a', 'C-y', 'C-e');
    await term.waitFor(inputLine('twoone'));
    term.keys('C-_', 'C-e');
    await term.waitFor(inputLine('one'));
    term.keys('C-b', 'C-b', 'C-d', 'Left', 'Right', 'C-f', 'BSpace');
    await term.waitFor(inputLine('on'));
    term.keys('C-u');
    term.type('alpha beta gamma');
    term.keys('C-Left', 'C-Left', 'M-d', 'C-Right', 'M-BSpace');
    await term.waitFor(inputLine('alpha '));
    term.keys('M-f', 'C-l');
    await term.waitFor(inputLine('alpha '));

    // `\` then Enter, and Ctrl-J, put a newline in; Enter sends all the lines
    term.keys('C-u');
    term.type('line one\\');
    await term.waitFor(inputLine('line one\\'));
    term.keys('Enter');
    // typed in the same read as the Enter, more text would make the read a paste
    await term.waitFor(inputLine('line one'));
    term.type('line two');
    term.keys('C-j');
    term.type('line three');
    await term.waitFor('  line three');
    term.keys('Enter');
    await term.waitFor('Pick a response');
    expect(promptHistory(data).at(-1)).toBe('line one\nline two\nline three');
  });

  it('records a 9,000-character bracketed paste exactly, and does not send it by its newline', async () => {
    const { term, root, data } = await start();
    const text = `${'p'.repeat(4500)}\n${'q'.repeat(4499)}\n`;
    term.paste(text, join(root, 'paste.txt'));
    await term.waitFor(/↑ \d+ more|lines\)/);
    expect(term.screen()).not.toContain('Pick a response');
    term.keys('Enter');
    await term.waitFor('Pick a response');
    expect(promptHistory(data).at(-1)).toBe(text.trimEnd());
  });

  it('a 100,000-character paste arrives whole', async () => {
    const { term, root, data } = await start();
    const text = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(4, '0')} ${'z'.repeat(94)}`).join('\n');
    expect(text.length).toBeGreaterThan(99_000);
    term.paste(text, join(root, 'paste.txt'));
    await term.waitFor('(1000 lines)', 20_000);
    term.keys('Enter');
    await term.waitFor('Pick a response', 20_000);
    expect(promptHistory(data).at(-1)).toBe(text);
  });

  it('with /stats open the prompt says the panel has the keys, and /cost Enter opens the cost panel', async () => {
    const { term } = await start();
    term.type('/stats', 'Enter');
    await term.waitFor('Stats: this session');
    await term.waitFor('stats has the keys');
    term.type('/cost', 'Enter');
    await term.waitFor(/Cost\s.*Esc close/);
    await term.waitForGone('Stats: this session');
  });

  it('after resizing 140x45 → 60x20 → 140x45 exactly one input box is on the screen', async () => {
    const { term } = await start({ columns: 140, rows: 45 });
    term.type('first prompt', 'Enter');
    await term.waitFor('Pick a response');
    term.type('s', 'Enter');
    await term.waitFor('Skipped.');
    term.resize(60, 20);
    await new Promise((resolve) => setTimeout(resolve, 600));
    term.resize(140, 45);
    await new Promise((resolve) => setTimeout(resolve, 600));
    const screen = term.visible();
    expect(screen.split('Type a prompt, or /help').length - 1).toBe(1);
    expect(screen.split('default rcp_v1_').length - 1).toBe(1);
    expect(screen).toContain('> first prompt');
  });

  it('NO_COLOR=1 draws no colour codes (and without it there are some)', async () => {
    // FORCE_COLOR: the harness's CI=false makes chalk think it is in CI, where it draws no colour
    const colourless = await start({ env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    colourless.term.type('/help', 'Enter');
    await colourless.term.waitFor('Slash commands');
    expect(colourless.term.visible(true)).not.toMatch(colourCode);
    colourless.term.kill();

    const coloured = await start({ env: { FORCE_COLOR: '1' } });
    coloured.term.type('/help', 'Enter');
    await coloured.term.waitFor('Slash commands');
    expect(coloured.term.visible(true)).toMatch(colourCode);
  });

  it('/help on 80x24 scrolls to its last command with PgDn and says there is more', async () => {
    const { term } = await start({ columns: 80, rows: 24 });
    term.type('/help', 'Enter');
    await term.waitFor(/↓ \d+ more/);
    expect(term.visible()).not.toContain('/edit');
    term.keys('PgDn');
    term.keys('PgDn');
    await term.waitFor(/\/edit \[text\]/);
    expect(term.visible()).toMatch(/\/edit \[text\]/);
  });

  it('Ctrl-X Ctrl-E opens $EDITOR on the prompt and takes the result back', async () => {
    const root = await tempDir('bakeoff-e2e-editor-script-');
    const script = join(root, 'fake-editor.sh');
    writeFileSync(script, '#!/bin/sh\nprintf "%s and the editor\\nsecond line\\n" "$(cat "$1")" > "$1"\n');
    chmodSync(script, 0o755);
    const { term } = await start({ env: { VISUAL: script } });
    term.type('from the line');
    await term.waitFor(inputLine('from the line'));
    term.keys('C-x', 'C-e');
    await term.waitFor(inputLine('from the line and the editor'));
    await term.waitFor('  second line');
  });
});

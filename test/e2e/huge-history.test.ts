// A 50 MB line in prompt_history.jsonl, in a real terminal on the real binary: Up recalls it cut to its head
// (the input stays responsive), and Ctrl-C, twice, exits within a bound.
import { writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { assertAppBuilt, launchApp } from './launch-app.js';
import type { TmuxTerminal } from './tmux.js';

let terminal: TmuxTerminal | undefined;
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});
beforeAll(() => assertAppBuilt());

describe('a 50 MB line in the prompt history', () => {
  it('Up shows it cut, a key still edits, and Ctrl-C exits at once', async () => {
    const root = await tempDir('bakeoff-e2e-history-');
    const data = join(root, 'data');
    const project = join(root, 'project');
    await mkdir(project);
    await mkdir(data);
    const huge = `huge ${'z'.repeat(50 * 1024 * 1024)} end`;
    writeFileSync(join(data, 'prompt_history.jsonl'), `${JSON.stringify('an older prompt')}\n${JSON.stringify(huge)}\n`);

    terminal = launchApp(project, data, ['--models', 'demo/alpha,demo/beta']);
    await terminal.waitFor('Type a prompt, or /help', 20_000);
    let started = Date.now();
    terminal.keys('Up');
    // the cursor is at the end of the recalled head: its last rows are in view, ending in the cut mark
    let screen = await terminal.waitFor(/z…\s*│/, 10_000);
    const recallMs = Date.now() - started;
    expect(screen).not.toContain('end');

    // the input still answers: Up again walks to the older entry
    started = Date.now();
    terminal.keys('Up');
    screen = await terminal.waitFor('> an older prompt', 10_000);
    const nextMs = Date.now() - started;

    terminal.keys('Down');
    await terminal.waitFor(/z…\s*│/, 10_000);
    started = Date.now();
    terminal.keys('C-c');
    await terminal.waitFor('Press Ctrl-C again to exit', 5_000);
    terminal.keys('C-c');
    await terminal.waitFor(/EXITED \d+/, 5_000);
    const exitMs = Date.now() - started;
    // eslint-disable-next-line no-console
    console.log(`50 MB history line: recall ${recallMs} ms, next Up ${nextMs} ms, Ctrl-C ×2 to exit ${exitMs} ms`);
    expect(recallMs).toBeLessThan(5_000);
    expect(exitMs).toBeLessThan(5_000);
  }, 90_000);
});

// Blind mode in a real terminal: no model is named on screen while the run streams and waits for the pick;
// the pick reveals the names in the feed, and the run is recorded with "blind": true.
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import type { TmuxTerminal } from './tmux.js';
import { assertAppBuilt, launchApp } from './launch-app.js';
import { stopAfterEach } from './stop-after-each.js';

const started = stopAfterEach();
let terminal: TmuxTerminal | undefined;

beforeAll(() => assertAppBuilt());

const NAMES = /alpha|beta/i;

describe('bakeoff --blind in a terminal', () => {
  it('hides the model names until the pick, reveals them after, and records "blind": true', async () => {
    const root = await tempDir('bakeoff-e2e-blind-');
    const data = join(root, 'data');
    const project = join(root, 'project');
    await mkdir(project);

    terminal = started.terminal(launchApp(project, data, ['--blind', '--models', 'demo/alpha,demo/beta'], { BAKEOFF_DEMO_DELAY_MS: '40' }));
    let screen = await terminal.waitFor('Type a prompt, or /help');
    expect(screen).not.toMatch(NAMES);
    expect(screen).toContain('blind · 2 models');

    // `slow` streams for a few seconds: the screen is read while the panels are live, then at the pick
    terminal.type('slow: say which model you are', 'Enter');
    screen = await terminal.waitFor(/Model A[\s\S]*Model B|Model B[\s\S]*Model A/);
    expect(screen).toContain('running');
    expect(screen).not.toMatch(NAMES);
    screen = await terminal.waitFor('Pick a response', 30_000);
    expect(screen).toMatch(/1\. Model [AB]/);
    expect(screen).not.toMatch(NAMES);

    terminal.type('/history', 'Enter');
    screen = await terminal.waitFor('/history has to wait');
    expect(screen).not.toMatch(NAMES);

    const label = /1\. (Model [AB])/.exec(screen)![1];
    terminal.type('1', 'Enter');
    screen = await terminal.waitFor('Blind run revealed');
    const picked = new RegExp(`${label} was (demo/(?:alpha|beta))`).exec(screen)![1];
    expect(screen).toContain(`Voted for: ${picked}`);

    terminal.type('/exit', 'Enter');
    await terminal.waitFor('EXITED 0');
    const [session] = readdirSync(join(data, 'sessions'));
    const meta = JSON.parse(readFileSync(join(data, 'sessions', session, 'session_metadata.json'), 'utf8')) as SessionMetadata & { runs: { blind?: boolean }[] };
    expect(meta.runs).toHaveLength(1);
    expect(meta.runs[0].blind).toBe(true);
    expect(meta.runs[0].selected).toBe(picked);
  });
});

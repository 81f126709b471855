// The real bin/bakeoff.js in a real terminal (tmux), on the demo models: a run, a pick, /stats,
// /rewind, /exit, then --continue, checking the screen and the data directory at each step.
import { readFileSync, existsSync } from 'node:fs';
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

function launch(project: string, data: string, ...args: string[]): TmuxTerminal {
  return launchApp(project, data, args);
}

describe('bakeoff in a terminal', () => {
  it('runs, picks, shows /stats, rewinds, exits, and --continue brings the session back', async () => {
    const root = await tempDir('bakeoff-e2e-');
    const data = join(root, 'data');
    const project = join(root, 'project');
    await mkdir(project);

    terminal = started.terminal(launch(project, data, '--models', 'demo/alpha,demo/beta'));
    await terminal.waitFor('Type a prompt, or /help');
    expect(terminal.screen()).toContain('demo/alpha, demo/beta');

    terminal.type('write e2e.txt: hello from tmux', 'Enter');
    let screen = await terminal.waitFor('Pick a response');
    const number = /(\d+)\. demo\/alpha/.exec(screen)?.[1] ?? '1';
    terminal.type(number, 'Enter');
    await terminal.waitFor('Applied: e2e.txt');
    expect(readFileSync(join(project, 'e2e.txt'), 'utf8')).toBe('hello from tmux');
    await terminal.waitFor('rewind 1');

    terminal.type('/stats', 'Enter');
    screen = await terminal.waitFor('Stats: this session');
    expect(screen).toMatch(/demo\/alpha\s+—\s+—\s+1\s+100%/);
    terminal.type('', 'Escape');
    await terminal.waitForGone('Stats: this session');

    // The picker lists the run with what the rewind will do to its file; Enter undoes code and conversation.
    terminal.type('/rewind', 'Enter');
    screen = await terminal.waitFor('Enter rewind');
    expect(screen).toContain('e2e.txt');
    terminal.type('', 'Enter');
    await terminal.waitFor('[rewound] Applied: e2e.txt');
    expect(existsSync(join(project, 'e2e.txt'))).toBe(false);

    // The undone prompt is back in the input, to edit and send again; Ctrl-C once clears the line.
    await terminal.waitFor('> write e2e.txt: hello from tmux');
    terminal.type('', 'C-c');
    await terminal.waitFor('Press Ctrl-C again to exit');
    terminal.type('/exit', 'Enter');
    screen = await terminal.waitFor('EXITED 0');
    const id = /--resume (ses_[0-9a-f-]+)/.exec(screen)?.[1];
    expect(id).toBeDefined();

    const sessionDir = join(data, 'sessions', id!);
    const meta = JSON.parse(readFileSync(join(sessionDir, 'session_metadata.json'), 'utf8')) as SessionMetadata;
    expect(meta.runs.map((r) => r.note ?? r.type)).toEqual(['[rewound] Applied: e2e.txt', 'rewind']);
    expect(meta.runs[0].selected).toBe('demo/alpha');
    expect(readFileSync(join(data, 'prompt_history.jsonl'), 'utf8')).toBe('"write e2e.txt: hello from tmux"\n');
    terminal.kill();

    terminal = started.terminal(launch(project, data, '--continue'));
    screen = await terminal.waitFor(`Resumed session ${id}`);
    expect(screen).toContain('> write e2e.txt: hello from tmux');
    expect(screen).toContain('[rewound] Applied: e2e.txt');
    expect(screen).toContain('demo/alpha, demo/beta');
    terminal.type('/exit', 'Enter');
    await terminal.waitFor('EXITED 0');
  });
});

// Managing sessions in the real app (tmux, the built binary), on sessions made by `bakeoff run`: /rename shows in
// the status bar, /fork prints the new id and the fork opens with -r, /rewind then /redo puts the file and the
// session files back, and the sessions panel filters as you type and moves a session to the trash with d + y.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bytesUnder, realWorkspace, type RealWorkspace } from '../helpers/real-sessions.js';
import { assertBuilt } from '../cli/run-cli.js';
import type { TmuxTerminal } from './tmux.js';
import { assertAppBuilt, launchApp } from './launch-app.js';
import { stopAfterEach } from './stop-after-each.js';

const started = stopAfterEach();

beforeAll(() => {
  assertAppBuilt();
  assertBuilt();
});

function open(ws: RealWorkspace, ...args: string[]): TmuxTerminal {
  return started.terminal(launchApp(ws.project, ws.data, args));
}

/** The status bar: the last line that starts with the short session id. */
function statusBar(screen: string, id: string): string {
  return screen.split('\n').filter((line) => line.startsWith(id.slice(0, 17))).at(-1) ?? '';
}

/** Waits until the status bar matches `pattern` (it may be drawn a frame after the message that changed it). */
async function waitForStatus(terminal: TmuxTerminal, id: string, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(statusBar(terminal.screen(), id))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for a status bar matching ${String(pattern)}:\n${terminal.screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The sessions panel's lines: from its title to its bottom border. */
function sessionsPanel(screen: string): string {
  const lines = screen.split('\n');
  const top = lines.findLastIndex((line) => line.includes('│ Sessions ('));
  const bottom = lines.findIndex((line, index) => index > top && line.startsWith('╰'));
  return lines.slice(top, bottom).join('\n');
}

const sessionFiles = (ws: RealWorkspace, id: string) => ['session_metadata.json', 'session_content.json'].map((name) => readFileSync(join(ws.sessionDir(id), name)));

describe('managing sessions in the app', () => {
  it('/rename shows the title in the status bar; /fork prints the new id, and the fork opens with -r', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: first run', 'write two.txt: second run']);
    let terminal = open(ws, '-r', id);
    await terminal.waitFor(`Resumed session ${id}`);
    terminal.type('/rename Bug hunt', 'Enter');
    await terminal.waitFor(`Session ${id} is now titled "Bug hunt".`);
    await waitForStatus(terminal, id, /^ses_[0-9a-f-]{13} Bug hunt │/);

    terminal.type('/fork 1', 'Enter');
    let screen = await terminal.waitFor(/Forked at run #1: (ses_[0-9a-f-]{36})\./);
    const forkId = /Forked at run #1: (ses_[0-9a-f-]{36})\./.exec(screen)![1];
    await expect(ws.sessionIds()).resolves.toEqual([id, forkId].sort());
    terminal.type('/exit', 'Enter');
    await terminal.waitFor('EXITED 0');
    terminal.kill();

    terminal = open(ws, '-r', forkId);
    await terminal.waitFor(`Resumed session ${forkId}`);
    screen = await terminal.waitFor('write one.txt: first run');
    expect(screen).not.toContain('write two.txt: second run');
    terminal.type('/exit', 'Enter');
    await terminal.waitFor('EXITED 0');
    terminal.kill();

    // the title stays with the source, and -r takes it
    terminal = open(ws, '-r', 'bug hunt');
    await terminal.waitFor(`Resumed session ${id}`);
    await waitForStatus(terminal, id, / Bug hunt │/);
    await terminal.waitFor('write two.txt: second run');
  });

  it('/rewind then /redo puts the file back and the session files byte for byte', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write a.txt: first', 'write a.txt: second']);
    const before = sessionFiles(ws, id);
    const terminal = open(ws, '-r', id);
    await terminal.waitFor(`Resumed session ${id}`);
    terminal.type('/rewind', 'Enter');
    await terminal.waitFor('Enter rewind');
    terminal.type('', 'Enter');
    await terminal.waitFor('Rewound #2: write a.txt: second.');
    await waitForStatus(terminal, id, /rewind 1 · redo 1$/);
    expect(readFileSync(join(ws.project, 'a.txt'), 'utf8')).toBe('first');
    // the rewound prompt is back in the input: clear it first
    await terminal.waitFor('> write a.txt: second');
    terminal.type('', 'C-u');
    terminal.type('/redo', 'Enter');
    await terminal.waitFor('Redone #2; files put back: a.txt.');
    await waitForStatus(terminal, id, /rewind 2$/);
    expect(readFileSync(join(ws.project, 'a.txt'), 'utf8')).toBe('second');
    expect(sessionFiles(ws, id)).toEqual(before);
    terminal.type('/redo', 'Enter');
    await terminal.waitFor('Nothing to redo');
  });

  it('the sessions panel filters as you type, and d then y moves a session to the trash (not the one open here); bakeoff restore brings it back', async () => {
    const ws = await realWorkspace();
    const current = await ws.session(['write keep.txt: keep me', 'write b.txt: walrus facts']);
    const other = await ws.session(['write other.txt: another topic']);
    const third = await ws.session(['write third.txt: a third one']);
    const otherBefore = await bytesUnder(ws.sessionDir(other));
    const terminal = open(ws, '-r', current);
    await terminal.waitFor(`Resumed session ${current}`);
    terminal.type('/sessions', 'Enter');
    let screen = await terminal.waitFor('Sessions (3)');
    expect(screen).toContain('sessions has the keys: ↑/↓ move · Enter switch · / filter · d delete · Esc closes');

    // the session open here is not deleted: the panel says so at once, without asking
    terminal.keys('Down', 'Down');
    terminal.type('d');
    screen = await terminal.waitFor('This is the session open here: switch to another one (or quit) to delete it.');
    expect(screen).not.toContain('to the trash?');
    expect(await ws.sessionIds()).toEqual([current, other, third].sort());

    // the filter finds a session by a later prompt too, after a short pause, showing the line that holds it
    terminal.type('/');
    await terminal.waitFor('filter: ▏');
    terminal.type('walrus');
    screen = sessionsPanel(await terminal.waitFor(/#2 prompt: write b\.txt: walrus facts/));
    expect(screen).toContain('Sessions (1 of 3)');
    expect(screen).not.toContain('another topic');
    terminal.keys(...Array<string>(6).fill('BSpace'));
    await terminal.waitFor('filter: ▏');
    terminal.type('ANOTH');
    const panel = sessionsPanel(await terminal.waitFor('Sessions (1 of 3)'));
    expect(panel).toContain('filter: ANOTH▏');
    expect(panel).toContain('another topic');
    expect(panel).not.toContain('keep me');
    expect(panel).not.toContain('a third one');
    terminal.type('', 'Enter');
    await terminal.waitFor(/filter: ANOTH +│/);

    terminal.type('d');
    await terminal.waitFor(`Move ${other} to the trash? y/n (bakeoff restore brings it back)`);
    terminal.type('y');
    await terminal.waitFor('Sessions (0 of 2)');
    expect(existsSync(join(ws.data, 'trash', other))).toBe(true);
    expect(await ws.sessionIds()).toEqual([current, third].sort());

    expect((await ws.cli(['restore', other])).code).toBe(0);
    expect(await bytesUnder(ws.sessionDir(other))).toEqual(otherBefore);
  });
});

// `bakeoff run` in a real terminal (tmux): the live lines on stderr while stdout goes to a file, and Ctrl-C
// mid-run leaving a checkpoint that the app's /resume finishes, with the command the hint prints.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint, SessionMetadata } from '../../store/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, bin } from '../cli/run-cli.js';
import { TmuxTerminal } from './tmux.js';

beforeAll(assertBuilt);

const terminals: TmuxTerminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/** A shell line in a fresh terminal, in `project`; CI=false as for the app (Ink draws every frame). */
function terminalRunning(project: string, line: string, delayMs: number): TmuxTerminal {
  const terminal = new TmuxTerminal();
  terminals.push(terminal);
  terminal.start(`cd ${quote(project)} && export CI=false BAKEOFF_DEMO_DELAY_MS=${delayMs} && ${line}`);
  return terminal;
}

async function projectAndData(): Promise<{ project: string; data: string }> {
  const root = await tempDir('bakeoff-run-e2e-');
  const project = join(root, 'project');
  await mkdir(project);
  return { project, data: join(root, 'data') };
}

const bakeoff = (...args: string[]) => [process.execPath, bin, ...args].map(quote).join(' ');

describe('bakeoff run in a terminal', () => {
  it('draws one live line per model on stderr and leaves stdout to the report', async () => {
    const { project, data } = await projectAndData();
    const out = join(project, '..', 'out.txt');
    const terminal = terminalRunning(project, `${bakeoff('run', '-d', data, '-m', 'demo/alpha,demo/beta', 'write p.txt: a slow one')} > ${quote(out)}`, 20);
    const running = await terminal.waitFor(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] demo\/alpha {2}running +\d/, 15_000);
    expect(running).toMatch(/ demo\/beta {3}running +\d/);
    const screen = await terminal.waitFor('EXITED 0', 15_000);
    expect(screen).toMatch(/✔ demo\/alpha {2}done +\d+(\.\d)? m?s · \d+→\d+ tok · \$0\.\d{4} · 1 write\(s\)/);
    expect(screen).toMatch(/✔ demo\/beta {3}done /);
    // the live lines were redrawn in place: each model's line is on the screen once
    expect(screen.match(/demo\/alpha {2}(running|done)/g)).toHaveLength(1);
    const report = readFileSync(out, 'utf8');
    expect(report).toMatch(/^── demo\/alpha · done · /);
    expect(report).toContain('Picked: none · Skipped.');
    expect(report).not.toContain('\u001b');
  });

  it('--blind: the live lines call the models Model A and Model B, in the run order, until the report reveals them', async () => {
    const { project, data } = await projectAndData();
    const out = join(project, '..', 'out.txt');
    const terminal = terminalRunning(project, `${bakeoff('run', '-d', data, '-m', 'demo/alpha,demo/beta', '--blind', 'slow: alpha or beta?')} > ${quote(out)}`, 20);
    const running = await terminal.waitFor(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Model A {2}running +\d[\s\S]* Model B {2}running/, 15_000);
    expect(running).not.toMatch(/alpha|beta/i);
    const screen = await terminal.waitFor('EXITED 0', 30_000);
    expect(screen).toMatch(/✔ Model A {2}done /);
    expect(screen.replace(/bakeoff run .*\n/, '')).not.toMatch(/alpha|beta/i);
    const report = readFileSync(out, 'utf8');
    expect(report).toMatch(/^── Model A · done · /);
    expect(report).toMatch(/\nPicked: none · Skipped\.\nBlind run revealed: Model A was demo\/(alpha|beta), Model B was demo\/(alpha|beta)\.\n/);
  });

  it('with no prompt and stdin a terminal, it exits 2 with one line and writes nothing', async () => {
    const { project, data } = await projectAndData();
    const terminal = terminalRunning(project, bakeoff('run', '-d', data, '-m', 'demo/alpha'), 5);
    const screen = await terminal.waitFor(/EXITED \d+/, 15_000);
    expect(screen).toContain('EXITED 2');
    expect(screen.split('\n').filter((line) => line.startsWith('bakeoff:'))).toEqual(['bakeoff: needs a prompt: bakeoff run "<prompt>", or pipe it on stdin (bakeoff run - < prompt.txt)']);
    expect(existsSync(data)).toBe(false);
  });

  it('Ctrl-C cancels the run, keeps its checkpoint, prints how to resume, exits 130; the app /resume finishes it', async () => {
    const { project, data } = await projectAndData();
    const runTerminal = terminalRunning(project, bakeoff('run', '-d', data, '-m', 'demo/alpha,demo/beta', 'write resumed.txt: slow and resumed'), 40);
    await runTerminal.waitFor(/demo\/beta {3}running +[1-9]/, 15_000);
    runTerminal.type('', 'C-c');
    const screen = (await runTerminal.waitFor('EXITED 130', 10_000)).replace(/\n/g, '');
    expect(screen).toMatch(/■ demo\/alpha {2}cancelled/);
    const hint = /bakeoff: interrupted: the run is recorded as interrupted and its checkpoint stays\. To finish it: bakeoff -d (\S+) --resume (ses_[0-9a-f-]{36}), then \/resume/.exec(screen);
    expect(hint).not.toBeNull();
    const [, hintedDir, id] = hint!;
    expect(hintedDir).toBe(data);

    const sessionDir = join(data, 'sessions', id);
    const checkpoint = JSON.parse(readFileSync(join(sessionDir, 'checkpoint.json'), 'utf8')) as Checkpoint;
    expect(checkpoint.prompt).toBe('write resumed.txt: slow and resumed');
    expect(checkpoint.adapter_ids).toEqual(['demo/alpha', 'demo/beta']);
    // the session is on disk (so --resume finds it), the run recorded as the app's Esc records it
    const interrupted = (JSON.parse(readFileSync(join(sessionDir, 'session_metadata.json'), 'utf8')) as SessionMetadata).runs;
    expect(interrupted).toHaveLength(1);
    expect(interrupted[0].note).toMatch(/^Interrupted \(.*demo\/alpha.*\)\. \/resume to continue\.$/);
    expect(existsSync(join(project, 'resumed.txt'))).toBe(false);

    // the command the hint printed, in the app
    const app = terminalRunning(project, bakeoff('-d', hintedDir, '--resume', id), 5);
    await app.waitFor(`Resumed session ${id}`, 15_000);
    await app.waitFor('│ checkpoint');
    app.type('/resume', 'Enter');
    const pick = await app.waitFor('Pick a response', 15_000);
    const number = /(\d+)\. demo\/alpha/.exec(pick)?.[1] ?? '1';
    app.type(number, 'Enter');
    await app.waitFor('Applied: resumed.txt');
    expect(readFileSync(join(project, 'resumed.txt'), 'utf8')).toBe('slow and resumed');
    app.type('/exit', 'Enter');
    await app.waitFor('EXITED 0');
    const meta = JSON.parse(readFileSync(join(sessionDir, 'session_metadata.json'), 'utf8')) as SessionMetadata;
    // /resume records a new run of the prompt, as Errata does
    expect(meta.runs).toHaveLength(2);
    expect(meta.runs[1]).toMatchObject({ prompt_preview: 'write resumed.txt: slow and resumed', selected: 'demo/alpha', note: 'Applied: resumed.txt' });
    expect(existsSync(join(sessionDir, 'checkpoint.json'))).toBe(false);
  });
});

// `bakeoff rename`: a title wherever a session id goes (`-r`, show, export, the list); on sessions made by
// `bakeoff run` and on the Errata fixtures.
import { beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../../src/session/open-session.js';
import { copyErrataFixture } from '../../helpers/fixtures.js';
import { realWorkspace } from '../../helpers/real-sessions.js';
import { assertBuilt, runCli } from '../run-cli.js';
import { SESSION_A, SESSION_B } from '../fixture-ids.js';

beforeAll(assertBuilt);

describe('bakeoff rename on a session bakeoff run made', () => {
  it('then `bakeoff run -r <title>` adds the run to that session, and show, export and the list take the title', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write a.txt: first']);
    await ws.session(['write b.txt: another session']);
    expect(await ws.cli(['rename', id, 'Nightly fix'])).toMatchObject({ code: 0, stdout: `Session ${id} is now titled "Nightly fix"\n` });
    expect(await ws.record('write c.txt: second', { session: 'nightly FIX' })).toEqual({ sessionId: id, run: 2 });
    expect((await ws.cli(['show', 'Nightly fix'])).stdout).toMatch(new RegExp(`Session +${id}\\nTitle +Nightly fix`));
    expect(JSON.parse((await ws.cli(['export', 'Nightly fix', '--json'])).stdout).session_id).toBe(id);
    expect((await ws.cli(['sessions'])).stdout).toMatch(new RegExp(`${id} +Nightly fix`));
    expect((await ws.cli(['rewind', 'Nightly fix', '--dry-run'])).stdout).toContain('#2  write c.txt: second');
  });

  it('refuses a title another session has, naming it, and leaves both as they were', async () => {
    const ws = await realWorkspace();
    const first = await ws.session(['write a.txt: a']);
    const second = await ws.session(['write b.txt: b']);
    await ws.cli(['rename', first, 'taken']);
    const taken = await ws.cli(['rename', second, 'Taken']);
    expect(taken).toMatchObject({ code: 1, stderrLines: [`bakeoff: title "Taken" is already the title of session ${first}`] });
    expect((await ws.cli(['sessions', '--json'])).stdout).not.toContain(`"${second}","title"`);
    expect((await ws.record('write c.txt: c', { session: 'taken' })).sessionId).toBe(first);
  });
});

describe('bakeoff rename on the Errata fixtures', () => {
  it('names a session: show, export, the list and --resume take the title', async () => {
    const data = await copyErrataFixture();
    const renamed = await runCli(['rename', SESSION_B, 'Go review'], { dataDir: data });
    expect(renamed).toMatchObject({ code: 0, stdout: `Session ${SESSION_B} is now titled "Go review"\n` });
    expect((await runCli(['show', 'go review'], { dataDir: data })).stdout).toMatch(new RegExp(`Session +${SESSION_B}\\nTitle +Go review`));
    expect(JSON.parse((await runCli(['export', 'Go review', '--json'], { dataDir: data })).stdout).session_id).toBe(SESSION_B);
    expect((await runCli(['sessions'], { dataDir: data })).stdout).toMatch(new RegExp(`${SESSION_B} +Go review`));
    const opened = await openSession({ dataDir: data, resume: 'Go review', readOnly: true });
    expect(opened.store.sessionId()).toBe(SESSION_B);
    expect(opened.store.title()).toBe('Go review');
    await opened.store.close();
  });

  it('then `bakeoff run -r <title>` continues the Errata session', async () => {
    const ws = await realWorkspace({ data: await copyErrataFixture('errata-head-data') });
    const head = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';
    const runs: { type?: string }[] = JSON.parse((await ws.cli(['show', head, '--json'])).stdout).runs;
    const runsBefore = runs.filter((run) => run.type !== 'rewind').length;
    await ws.cli(['rename', head, 'From Errata']);
    expect(await ws.record('write d.txt: continued', { session: 'From Errata' })).toEqual({ sessionId: head, run: runsBefore + 1 });
  });

  it('refuses a title another session has, and a title that is not one', async () => {
    const data = await copyErrataFixture();
    await runCli(['rename', SESSION_A, 'taken'], { dataDir: data });
    const taken = await runCli(['rename', SESSION_B, 'Taken'], { dataDir: data });
    expect(taken.code).toBe(1);
    expect(taken.stderrLines).toEqual([`bakeoff: title "Taken" is already the title of session ${SESSION_A}`]);
    expect((await runCli(['rename', SESSION_B, 'ses_x'], { dataDir: data })).code).toBe(1);
  });
});

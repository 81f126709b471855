// `bakeoff rename`: a title wherever a session id goes (`-r`, show, export, the list); on sessions made by
// `bakeoff run` and on the Errata fixtures.
import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

describe('titles stay unique', () => {
  it('restore refuses a session whose title another session took while it was in the trash, and moves nothing', async () => {
    const ws = await realWorkspace();
    const a = await ws.session(['write a.txt: a']);
    const b = await ws.session(['write b.txt: b']);
    expect((await ws.cli(['rename', a, 'dup'])).code).toBe(0);
    expect((await ws.cli(['delete', a, '--yes'])).code).toBe(0);
    expect((await ws.cli(['rename', b, 'DUP'])).code).toBe(0);
    const restored = await ws.cli(['restore', a]);
    expect(restored).toMatchObject({
      code: 1,
      stderrLines: [`bakeoff: cannot restore session ${a}: its title "dup" is now the title of session ${b}; rename that one first (nothing was moved)`],
    });
    expect(await ws.sessionIds()).toEqual([b]);
    expect(JSON.parse((await ws.cli(['trash', '--json'])).stdout).trash.map((t: { id: string }) => t.id)).toEqual([a]);
    // once the title is free again, the restore brings it back with its title
    expect((await ws.cli(['rename', b, 'other'])).code).toBe(0);
    expect((await ws.cli(['restore', a])).code).toBe(0);
    expect((await ws.cli(['show', 'dup', '--json'])).stdout).toContain(a);
  });

  it('two /rename at once in one process to one title (any case): one wins, the other is told it is taken', async () => {
    const ws = await realWorkspace();
    const ids = [await ws.session(['write a.txt: a']), await ws.session(['write b.txt: b'])];
    const opened = await Promise.all(ids.map((id) => openSession({ dataDir: ws.data, resume: id })));
    try {
      const outcomes = await Promise.allSettled([opened[0].store.setTitle('same'), opened[1].store.setTitle('SAME')]);
      expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(String(refused?.reason)).toMatch(/is already the title of session ses_/);
    } finally {
      await Promise.all(opened.map((o) => o.store.close()));
    }
    const titles = (JSON.parse((await ws.cli(['sessions', '--json'])).stdout) as { sessions: { title: string | null }[] }).sessions.map((s) => s.title);
    expect(titles.filter((t) => t !== null)).toHaveLength(1);
  });

  it('a session named `titles`, open in another process, does not hold the titles lock (its lock is locks/titles.lock)', async () => {
    const ws = await realWorkspace();
    const planted = await ws.session(['write a.txt: a']);
    const other = await ws.session(['write b.txt: b']);
    // a data directory may hold a session of any plain name: this one is called `titles`
    await rename(ws.sessionDir(planted), join(ws.data, 'sessions', 'titles'));
    const metadataPath = join(ws.data, 'sessions', 'titles', 'session_metadata.json');
    await writeFile(metadataPath, JSON.stringify({ ...JSON.parse(await readFile(metadataPath, 'utf8')), id: 'titles' }));
    const held = await openSession({ dataDir: ws.data, resume: 'titles' });
    try {
      expect(await ws.cli(['rename', other, 'Still free'])).toMatchObject({ code: 0, stderrLines: [] });
    } finally {
      await held.store.close();
    }
  });

  it('`bakeoff rename` in two processes at once to one title: one wins each time', async () => {
    const ws = await realWorkspace();
    const ids = [await ws.session(['write a.txt: a']), await ws.session(['write b.txt: b'])];
    for (const title of ['t1', 't2', 't3']) {
      const results = await Promise.all([ws.cli(['rename', ids[0], title]), ws.cli(['rename', ids[1], title.toUpperCase()])]);
      expect(results.map((r) => r.code).sort()).toEqual([0, 1]);
    }
  });
});

describe('a title.json that does not parse', () => {
  it('is set aside with one warning naming it, by show, sessions and rename alike; rename never writes over it', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write a.txt: a']);
    const titleFile = join(ws.sessionDir(id), 'title.json');
    const corrupt = async () => writeFile(titleFile, '{"version": 1, "title": ');
    const setAside = async () => (await readdir(ws.sessionDir(id))).filter((name) => name.startsWith('title.json.corrupt-'));
    const warning = (lines: string[]) => {
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(new RegExp(`^bakeoff: warning: ${escapeRegExp(titleFile)} did not parse \\(not valid JSON.*\\); its bytes are kept in ${escapeRegExp(titleFile)}\\.corrupt-`));
    };

    await corrupt();
    const shown = await ws.cli(['show', id]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(new RegExp(`Session +${id}\\n`));
    warning(shown.stderrLines);
    expect(await setAside()).toHaveLength(1);

    await corrupt();
    const listed = await ws.cli(['sessions']);
    expect(listed.code).toBe(0);
    warning(listed.stderrLines);
    expect(await setAside()).toHaveLength(2);

    await corrupt();
    const renamed = await ws.cli(['rename', id, 'fixed']);
    expect(renamed.code).toBe(0);
    warning(renamed.stderrLines);
    const kept = await setAside();
    expect(kept).toHaveLength(3);
    for (const name of kept) expect(await readFile(join(ws.sessionDir(id), name), 'utf8')).toBe('{"version": 1, "title": ');
    expect(JSON.parse(await readFile(titleFile, 'utf8'))).toEqual({ version: 1, title: 'fixed' });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `bakeoff redo` after `bakeoff rewind`: the project files and the session files back byte for byte, the same
// drift check as rewind. On sessions made by `bakeoff run`, an Errata fixture's among them.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyErrataFixture } from '../../helpers/fixtures.js';
import { bytesUnder, realWorkspace, type RealWorkspace } from '../../helpers/real-sessions.js';
import { tree } from '../../helpers/recorded-run.js';
import { assertBuilt } from '../run-cli.js';

beforeAll(assertBuilt);

const HEAD = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';

/** session_metadata.json and session_content.json, as bytes. */
async function sessionFiles(ws: RealWorkspace, id: string): Promise<Buffer[]> {
  return Promise.all(['session_metadata.json', 'session_content.json'].map((name) => readFile(join(ws.sessionDir(id), name))));
}

describe('bakeoff redo', () => {
  it('after bakeoff rewind --to, puts back the files and the session files byte for byte; then has nothing to redo', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two\nwrite one.txt: one, changed', 'delete one.txt\nwrite three.txt: three']);
    const sessionBefore = await sessionFiles(ws, id);
    const treeBefore = await tree(ws.project);
    expect(treeBefore).toEqual({ 'two.txt': 'two', 'three.txt': 'three' });
    expect((await ws.cli(['rewind', id, '--to', '2'])).code).toBe(0);
    expect(await tree(ws.project)).toEqual({ 'one.txt': 'one' });
    expect(await sessionFiles(ws, id)).not.toEqual(sessionBefore);
    const redone = await ws.cli(['redo', id]);
    expect(redone.code).toBe(0);
    expect(redone.stdout).toContain('Redone: #3, #2');
    expect(await tree(ws.project)).toEqual(treeBefore);
    expect(await sessionFiles(ws, id)).toEqual(sessionBefore);
    expect(await ws.cli(['redo', id])).toMatchObject({ code: 1, stderrLines: [`bakeoff: session ${id} has nothing to redo (a redo is possible after a rewind, until a new run starts)`] });
    // the runs are undoable again, as before the rewind
    expect((await ws.cli(['rewind', id, '--to', '2', '--dry-run'])).stdout).toContain('undo 2 runs');
  });

  it('redoes rewinds one by one, newest first, and a new run ends what can be redone', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two', 'write three.txt: three']);
    const states = [await bytesUnder(ws.sessionDir(id))];
    await ws.cli(['rewind', id]);
    const afterFirst = await tree(ws.project);
    await ws.cli(['rewind', id]);
    expect(await tree(ws.project)).toEqual({ 'one.txt': 'one' });
    expect((await ws.cli(['redo', id])).stdout).toContain('Redone: #2');
    expect(await tree(ws.project)).toEqual(afterFirst);
    expect((await ws.cli(['redo', id])).stdout).toContain('Redone: #3');
    expect(await tree(ws.project)).toEqual({ 'one.txt': 'one', 'two.txt': 'two', 'three.txt': 'three' });
    expect((await sessionFiles(ws, id)).map((b) => b.toString('base64'))).toEqual([states[0]['/session_metadata.json'], states[0]['/session_content.json']]);

    await ws.cli(['rewind', id]);
    await ws.record('write four.txt: four', { session: id });
    expect((await ws.cli(['redo', id])).stderrLines).toEqual([`bakeoff: session ${id} has nothing to redo (a redo is possible after a rewind, until a new run starts)`]);
  });

  it('after a --code-only or --conversation-only rewind, the summary says what came back and what the rewind had kept', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two']);
    expect((await ws.cli(['rewind', id, '--code-only'])).code).toBe(0);
    expect((await ws.cli(['redo', id])).stdout).toContain('Redone: #2 (1 run(s) back, with their files; the rewind had kept the conversation)');
    expect((await ws.cli(['rewind', id, '--conversation-only'])).code).toBe(0);
    expect((await ws.cli(['redo', id])).stdout).toContain('Redone: #2 (1 run(s) back, with their conversation; the rewind had kept the files)');
    expect((await ws.cli(['rewind', id])).code).toBe(0);
    expect((await ws.cli(['redo', id])).stdout).toContain('Redone: #2 (1 run(s) back, with their files and conversation)');
  });

  it('a redo.json that does not parse is set aside, and redo says so in one warning before it says there is nothing to redo', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two']);
    await ws.cli(['rewind', id]);
    const redoFile = join(ws.sessionDir(id), 'redo.json');
    await writeFile(redoFile, '{"version": 1, "entries": [');
    const redone = await ws.cli(['redo', id]);
    expect(redone.code).toBe(1);
    expect(redone.stderrLines).toHaveLength(2);
    expect(redone.stderrLines[0]).toMatch(new RegExp(`^bakeoff: warning: ${redoFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} did not parse \\(.*\\); its bytes are kept in .*redo\\.json\\.corrupt-`));
    expect(redone.stderrLines[1]).toBe(`bakeoff: session ${id} has nothing to redo (a redo is possible after a rewind, until a new run starts)`);
  });

  it('stops on a file changed since the rewind unless --force', async () => {
    const ws = await realWorkspace();
    const id = await ws.session(['write one.txt: one', 'write two.txt: two', 'write three.txt: three']);
    await ws.cli(['rewind', id]);
    await writeFile(join(ws.project, 'three.txt'), 'mine\n');
    const refused = await ws.cli(['redo', id]);
    expect(refused.code).toBe(1);
    expect(refused.stderrLines[0]).toContain(`changed since the rewind: ${join(ws.project, 'three.txt')}; nothing was changed (--force overwrites them)`);
    expect(await readFile(join(ws.project, 'three.txt'), 'utf8')).toBe('mine\n');
    expect((await ws.cli(['redo', id, '--force'])).code).toBe(0);
    expect(await readFile(join(ws.project, 'three.txt'), 'utf8')).toBe('three');
  });

  it('on an Errata session continued by bakeoff run: the Errata-written files back byte for byte', async () => {
    const ws = await realWorkspace({ data: await copyErrataFixture('errata-head-data') });
    const { run } = await ws.record('write e.txt: one more', { session: HEAD });
    await ws.record('write f.txt: and another', { session: HEAD });
    const before = await bytesUnder(ws.sessionDir(HEAD));
    const treeBefore = await tree(ws.project);
    expect((await ws.cli(['rewind', HEAD, '--to', String(run)])).code).toBe(0);
    expect(await tree(ws.project)).toEqual({});
    expect((await ws.cli(['redo', HEAD])).code).toBe(0);
    expect(await tree(ws.project)).toEqual(treeBefore);
    const after = await bytesUnder(ws.sessionDir(HEAD));
    for (const name of ['/session_metadata.json', '/session_content.json']) expect(after[name], name).toBe(before[name]);
  });
});

// The session-managing subcommands through the built binary, on real data directories (the Errata fixtures
// among them): search, rename, fork, delete/restore, prune, the trash, redo, and refusal while a session is open.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataLayout, loadContent, loadMetadata, saveMetadata, sessionPathsFor } from '../../store/index.js';
import { openSession } from '../../src/session/open-session.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { openExistingStore, openFreshStore } from '../helpers/store-fixture.js';
import { runAndApply, tree } from '../helpers/recorded-run.js';
import { assertBuilt, runCli } from './run-cli.js';
import { SESSION_A, SESSION_B } from './fixture-ids.js';

beforeAll(assertBuilt);

const HEAD = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';

/** Every file under `dir` with its bytes, relative paths. */
async function bytesUnder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = await readFile(join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

/** A session of three runs recorded the way the app records them, each writing one file. */
async function recordedSession() {
  const { store, data, project } = await openFreshStore();
  await mkdir(project, { recursive: true });
  for (const prompt of ['one', 'two', 'three']) await runAndApply(store, project, prompt, [{ path: `${prompt}.txt`, content: `${prompt}\n` }]);
  await store.close();
  return { data, project, id: store.sessionId() };
}

describe('bakeoff sessions --search', () => {
  it('finds prompts and answers in any case, newest first, with the matching line; a miss says so', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const hit = await runCli(['sessions', '--search', 'HELLO THERE'], { dataDir: data });
    expect(hit.code).toBe(0);
    expect(hit.stdout).toContain('ses_01a2333f-f64f-7f0a-b2bd-9ec6a853d161');
    expect(hit.stdout).toContain('#1 demo/gamma: hello there ✓ 👋');
    const json = JSON.parse((await runCli(['sessions', '--search', 'hello', '--json'], { dataDir: data })).stdout);
    expect(json.sessions[0].hits[0]).toEqual({ field: 'prompt', run: 1, line: 'hello ✓ — “smart quotes” 🍰' });
    const miss = await runCli(['sessions', '--search', 'no such words anywhere'], { dataDir: data });
    expect(miss).toMatchObject({ code: 0, stdout: 'no session holds "no such words anywhere"\n' });
  });

  it('finds a title', async () => {
    const data = await copyErrataFixture();
    expect((await runCli(['rename', SESSION_A, 'Parser refactor'], { dataDir: data })).code).toBe(0);
    const hit = await runCli(['sessions', '--search', 'parser'], { dataDir: data });
    expect(hit.stdout).toContain(`${SESSION_A}`);
    expect(hit.stdout).toContain('title: Parser refactor');
  });
});

describe('bakeoff rename', () => {
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

  it('refuses a title another session has, and a title that is not one', async () => {
    const data = await copyErrataFixture();
    await runCli(['rename', SESSION_A, 'taken'], { dataDir: data });
    const taken = await runCli(['rename', SESSION_B, 'Taken'], { dataDir: data });
    expect(taken.code).toBe(1);
    expect(taken.stderrLines).toEqual([`bakeoff: title "Taken" is already the title of session ${SESSION_A}`]);
    expect((await runCli(['rename', SESSION_B, 'ses_x'], { dataDir: data })).code).toBe(1);
  });
});

describe('bakeoff fork', () => {
  it('forks at a run: runs and histories cut there, the source byte for byte as it was', async () => {
    const { data, id } = await recordedSession();
    const source = join(dataLayout(data).sessions, id);
    const before = await bytesUnder(source);
    const forked = await runCli(['fork', id, '--at', '2', '--json'], { dataDir: data });
    expect(forked.code).toBe(0);
    const { session_id: forkId, runs } = JSON.parse(forked.stdout);
    expect(runs).toBe(2);
    expect(await bytesUnder(source)).toEqual(before);
    const paths = sessionPathsFor(dataLayout(data).sessions, forkId);
    expect((await loadMetadata(paths.metadataPath))!.runs.map((r) => r.prompt_preview)).toEqual(['one', 'two']);
    const content = (await loadContent(paths.contentPath, { keepEncodings: false }))!;
    expect(content.histories.b.map((t) => t.content)).toEqual(['one', 'b: one', 'two', 'b: two']);
    expect(await readdir(paths.dir)).not.toContain('rewind.json');
  });

  it('forks an Errata session whole by default', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const forked = await runCli(['fork', HEAD], { dataDir: data });
    expect(forked.code).toBe(0);
    const forkId = forked.stdout.split('\n')[0];
    const shown = await runCli(['show', forkId, '--json'], { dataDir: data });
    const original = JSON.parse((await runCli(['show', HEAD, '--json'], { dataDir: data })).stdout);
    expect(JSON.parse(shown.stdout).runs).toEqual(original.runs);
  });
});

describe('bakeoff delete, restore, trash', () => {
  it('delete → restore gives an Errata session back byte for byte; stats leave it out while trashed', async () => {
    const data = await copyErrataFixture();
    const dir = join(dataLayout(data).sessions, SESSION_A);
    const before = await bytesUnder(dir);
    const statsBefore = (await runCli(['stats', '--json'], { dataDir: data })).stdout;
    const refused = await runCli(['delete', SESSION_A], { dataDir: data });
    expect(refused.code).toBe(2);
    expect(await readdir(dataLayout(data).sessions)).toContain(SESSION_A);
    expect((await runCli(['delete', SESSION_A, '--yes'], { dataDir: data })).code).toBe(0);
    expect(await readdir(dataLayout(data).sessions)).not.toContain(SESSION_A);
    expect((await runCli(['stats', '--json'], { dataDir: data })).stdout).not.toBe(statsBefore);
    expect((await runCli(['trash'], { dataDir: data })).stdout).toContain(SESSION_A);
    expect((await runCli(['restore', SESSION_A.slice(0, 30)], { dataDir: data })).code).toBe(0);
    expect(await bytesUnder(dir)).toEqual(before);
    expect((await runCli(['stats', '--json'], { dataDir: data })).stdout).toBe(statsBefore);
  });

  it('refuses a session open in another process, and moves nothing', async () => {
    const { data, id } = await recordedSession();
    const holder = await openExistingStore(data, id);
    const refused = await runCli(['delete', id, '--yes'], { dataDir: data });
    expect(refused.code).toBe(1);
    expect(refused.stderrLines[0]).toContain(`session ${id} is open in process ${process.pid}`);
    expect(await readdir(dataLayout(data).sessions)).toContain(id);
    const rename = await runCli(['rename', id, 'held'], { dataDir: data });
    expect(rename.stderrLines[0]).toContain('is open in process');
    await holder.close();
  });

  it('trash --empty deletes for good only with a yes, and --older-than spares the recent ones', async () => {
    const data = await copyErrataFixture();
    await runCli(['delete', SESSION_A, '--yes'], { dataDir: data });
    expect((await runCli(['trash', '--empty'], { dataDir: data })).code).toBe(2);
    expect((await runCli(['trash', '--empty', '--older-than', '1d', '--yes'], { dataDir: data })).stdout).toBe('nothing to delete\n');
    expect((await runCli(['trash', '--empty', '--yes'], { dataDir: data })).stdout).toBe('Deleted 1 session(s) for good\n');
    expect(await readdir(dataLayout(data).trash)).toEqual([]);
    expect((await runCli(['restore', SESSION_A], { dataDir: data })).code).toBe(1);
  });
});

describe('bakeoff prune', () => {
  it('moves sessions last active before the age to the trash, keeping the newest --keep', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const layout = dataLayout(data);
    const ids = (await readdir(layout.sessions)).sort();
    // two sessions go quiet for 40 and 50 days
    for (const [index, id] of ids.slice(0, 2).entries()) {
      const path = sessionPathsFor(layout.sessions, id).metadataPath;
      const meta = (await loadMetadata(path))!;
      await saveMetadata(path, { ...meta, last_active_at: new Date(Date.now() - (40 + index * 10) * 86_400_000).toISOString() });
    }
    expect((await runCli(['prune', '--older-than', '30d'], { dataDir: data })).code).toBe(2);
    const kept = await runCli(['prune', '--older-than', '30d', '--keep', '2', '--yes', '--json'], { dataDir: data });
    expect(JSON.parse(kept.stdout).trashed).toEqual([ids[1]]);
    const pruned = await runCli(['prune', '--older-than', '30d', '--yes', '--json'], { dataDir: data });
    expect(JSON.parse(pruned.stdout).trashed).toEqual([ids[0]]);
    expect((await readdir(layout.sessions)).sort()).toEqual([ids[2]]);
  });

  it('an age it cannot read is a usage error', async () => {
    const result = await runCli(['prune', '--older-than', '30 days'], { dataDir: await copyErrataFixture() });
    expect(result.code).toBe(2);
    expect(result.stderrLines).toEqual(['bakeoff: --older-than: needs an age such as 90m, 12h, 30d or 2w']);
  });
});

describe('bakeoff redo', () => {
  it('after bakeoff rewind, puts back the files and the session files byte for byte', async () => {
    const { data, project, id } = await recordedSession();
    const dir = join(dataLayout(data).sessions, id);
    const sessionBefore = { metadata: await readFile(join(dir, 'session_metadata.json')), content: await readFile(join(dir, 'session_content.json')) };
    const treeBefore = await tree(project);
    expect((await runCli(['rewind', id, '--to', '2'], { dataDir: data })).code).toBe(0);
    expect(await tree(project)).toEqual({ 'one.txt': 'one\n' });
    const redone = await runCli(['redo', id], { dataDir: data });
    expect(redone.code).toBe(0);
    expect(redone.stdout).toContain('Redone: #3, #2');
    expect(await tree(project)).toEqual(treeBefore);
    expect(await readFile(join(dir, 'session_metadata.json'))).toEqual(sessionBefore.metadata);
    expect(await readFile(join(dir, 'session_content.json'))).toEqual(sessionBefore.content);
    const again = await runCli(['redo', id], { dataDir: data });
    expect(again).toMatchObject({ code: 1, stderrLines: [`bakeoff: session ${id} has nothing to redo`] });
  });

  it('stops on a file changed since the rewind unless --force', async () => {
    const { data, project, id } = await recordedSession();
    await runCli(['rewind', id], { dataDir: data });
    await writeFile(join(project, 'three.txt'), 'mine\n');
    const refused = await runCli(['redo', id], { dataDir: data });
    expect(refused.code).toBe(1);
    expect(refused.stderrLines[0]).toContain(`changed since the rewind: ${join(project, 'three.txt')}; nothing was changed (--force overwrites them)`);
    expect(await readFile(join(project, 'three.txt'), 'utf8')).toBe('mine\n');
    expect((await runCli(['redo', id, '--force'], { dataDir: data })).code).toBe(0);
    expect(await readFile(join(project, 'three.txt'), 'utf8')).toBe('three\n');
  });
});

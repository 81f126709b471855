import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { resolveSessionId } from '../../store/manage/session-resolve.js';
import { readTitle, readTitleFile, titleProblem, writeTitle } from '../../store/manage/session-title.js';
import { emptyTrash, listTrash, restoreSession, sessionsToPrune, trashSession } from '../../store/manage/session-trash.js';
import { forkSession } from '../../store/manage/session-fork.js';
import { loadContent, loadMetadata, newSessionMetadata, saveMetadata } from '../../store/session-files.js';
import { SessionLockedError } from '../../store/session-lock.js';
import { statsAcrossSessions } from '../../store/stats.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { openExistingStore, openFreshStore, response } from '../helpers/store-fixture.js';
import { runAndApply } from '../helpers/recorded-run.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Every file under `dir` with its bytes (base64), relative paths. */
async function bytesUnder(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) files[join(entry.parentPath, entry.name).slice(dir.length)] = await readFile(join(entry.parentPath, entry.name), 'base64');
  }
  return files;
}

const HEAD = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';

describe('titles', () => {
  it('refuses empty, padded, long, control-character, path-like and id-like titles', () => {
    expect(titleProblem('bug hunt')).toBeNull();
    for (const bad of ['', '  ', ' x', 'a\nb', 'a\u001b[31m', 'a/b', '..', 'ses_x', 'x'.repeat(81)]) expect(titleProblem(bad)).not.toBeNull();
  });

  it('a title.json that names a bad title is refused when read, and set aside with its bytes (the session has no title)', async () => {
    const dir = await tempDir();
    const bytes = JSON.stringify({ version: 1, title: 'a\u001b[2Jb' });
    await writeFile(join(dir, 'title.json'), bytes);
    await expect(readTitleFile(dir)).rejects.toThrow('title.json');
    expect(await readTitle(dir)).toBeNull();
    const kept = (await readdir(dir)).filter((name) => name.startsWith('title.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]), 'utf8')).toBe(bytes);
  });
});

describe('resolving a session', () => {
  it('takes an exact id, then a unique title (any case), then a prefix', async () => {
    const sessions = await tempDir();
    for (const id of ['ses_aa', 'ses_ab', 'ses_b1']) await mkdir(join(sessions, id));
    await writeTitle(join(sessions, 'ses_ab'), 'Bug hunt');
    expect(await resolveSessionId(sessions, 'ses_aa')).toBe('ses_aa');
    expect(await resolveSessionId(sessions, 'bug HUNT')).toBe('ses_ab');
    expect(await resolveSessionId(sessions, 'ses_b')).toBe('ses_b1');
    await expect(resolveSessionId(sessions, 'nothing')).rejects.toThrow('no session matches "nothing"');
  });

  it('a title two sessions share is ambiguous and names both', async () => {
    const sessions = await tempDir();
    for (const id of ['ses_1', 'ses_2']) {
      await mkdir(join(sessions, id));
      await writeTitle(join(sessions, id), 'same');
    }
    await expect(resolveSessionId(sessions, 'same')).rejects.toThrow('ses_1, ses_2');
  });

  it('Store.setTitle refuses a title another session has', async () => {
    const { store, data } = await openFreshStore();
    await store.setTitle('first');
    const other = newSessionId();
    await saveMetadata(sessionPathsFor(dataLayout(data).sessions, other).metadataPath, newSessionMetadata(other));
    const second = await openExistingStore(data, other);
    await expect(second.setTitle('FIRST')).rejects.toThrow(`already the title of session ${store.sessionId()}`);
    expect(second.title()).toBeNull();
  });
});

describe('trash', () => {
  it('delete then restore gives the session back byte for byte, and stats leave it out meanwhile', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const layout = dataLayout(data);
    const dir = join(layout.sessions, HEAD);
    const before = await bytesUnder(dir);
    const statsBefore = await statsAcrossSessions(layout.sessions);
    await trashSession(layout, HEAD);
    expect(await readdir(layout.sessions)).not.toContain(HEAD);
    expect((await listTrash(layout)).map((t) => t.id)).toEqual([HEAD]);
    expect(await statsAcrossSessions(layout.sessions)).not.toEqual(statsBefore);
    await restoreSession(layout, HEAD);
    expect(await bytesUnder(dir)).toEqual(before);
    expect(await listTrash(layout)).toEqual([]);
    expect(await statsAcrossSessions(layout.sessions)).toEqual(statsBefore);
  });

  it('refuses a session open in a process, and leaves it where it is', async () => {
    const { store, data } = await openFreshStore();
    await store.saveInitialMeta();
    const layout = dataLayout(data);
    await expect(trashSession(layout, store.sessionId())).rejects.toBeInstanceOf(SessionLockedError);
    expect(await readdir(layout.sessions)).toContain(store.sessionId());
    await store.close();
    await trashSession(layout, store.sessionId());
    expect(await readdir(layout.sessions)).not.toContain(store.sessionId());
  });

  it('emptying removes the session for good and never follows a link inside it', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const layout = dataLayout(data);
    const outside = join(await tempDir(), 'keep.txt');
    await writeFile(outside, 'keep');
    await symlink(outside, join(layout.sessions, HEAD, 'link'));
    await trashSession(layout, HEAD);
    expect(await emptyTrash(layout, [HEAD])).toEqual([HEAD]);
    expect(await listTrash(layout)).toEqual([]);
    expect(await readFile(outside, 'utf8')).toBe('keep');
  });

  it('a prune picks the sessions last active before the cutoff, never the newest `keep`', () => {
    const at = (id: string, day: number) => ({ ...newSessionMetadata(id), last_active_at: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z` });
    const newestFirst = [at('c', 20), at('b', 10), at('a', 5)];
    expect(sessionsToPrune(newestFirst, '2026-01-15T00:00:00Z').map((s) => s.id)).toEqual(['b', 'a']);
    expect(sessionsToPrune(newestFirst, '2026-01-15T00:00:00Z', 2).map((s) => s.id)).toEqual(['a']);
  });
});

describe('fork', () => {
  it('copies the runs, histories and recipe up to a run, and leaves the source byte for byte', async () => {
    const { store, data, project } = await openFreshStore();
    await mkdir(project, { recursive: true });
    for (const prompt of ['one', 'two', 'three']) await runAndApply(store, project, prompt, [{ path: `${prompt}.txt`, content: prompt }]);
    await store.persistSessionRecipe();
    await store.close();
    const layout = dataLayout(data);
    const sourceDir = join(layout.sessions, store.sessionId());
    const before = await bytesUnder(sourceDir);
    const { id, runs } = await forkSession(layout, store.sessionId(), 2);
    expect(runs).toBe(2);
    expect(await bytesUnder(sourceDir)).toEqual(before);
    const paths = sessionPathsFor(layout.sessions, id);
    const meta = (await loadMetadata(paths.metadataPath))!;
    expect(meta.id).toBe(id);
    expect(meta.runs.map((r) => r.prompt_preview)).toEqual(['one', 'two']);
    const content = (await loadContent(paths.contentPath, { keepEncodings: false }))!;
    expect(content.session_id).toBe(id);
    expect(content.runs.map((r) => r.prompt)).toEqual(['one', 'two']);
    expect(content.histories.a.map((t) => t.content)).toEqual(['one', 'a: one', 'two', 'a: two']);
    expect(await readdir(paths.dir)).not.toContain('rewind.json');
    expect(await readdir(layout.staging)).toEqual([]);
  });

  it('cuts the histories of an Errata session without a rewind stack by the runs after the cut', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const layout = dataLayout(data);
    const store = await openExistingStore(data, HEAD);
    const runsBefore = store.metadata().runs.filter((r) => r.type !== 'rewind').length;
    const historyBefore = store.histories();
    await store.appendHistories(['m'], [response('m', { text: 'late answer' })], 'late prompt');
    await store.persistRunState('late prompt', [response('m', { text: 'late answer' })], null, []);
    await store.close();
    const { id } = await forkSession(layout, HEAD, runsBefore);
    const content = (await loadContent(sessionPathsFor(layout.sessions, id).contentPath, { keepEncodings: false }))!;
    expect(content.histories).toEqual(historyBefore);
    expect(content.runs).toHaveLength(runsBefore);
  });

  it('refuses a run number the source does not have', async () => {
    const data = await copyErrataFixture('errata-head-data');
    await expect(forkSession(dataLayout(data), HEAD, 99)).rejects.toThrow('there is no run #99');
  });
});

// What a kill -9 can leave, and how the next open deals with it: a run in only one of the two session
// files (the crash came between their renames), and write-file-atomic's temporary files.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignRuns } from '../../store/run-alignment.js';
import { Store } from '../../store/store.js';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { loadContent, loadMetadata, newSessionMetadata, saveContent, saveMetadata } from '../../store/session-files.js';
import { promptHash } from '../../store/text.js';
import type { RunContent, RunSummary, SessionContent, SessionMetadata } from '../../store/schemas.js';
import { response } from '../helpers/store-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const summary = (prompt: string, type = ''): RunSummary => ({
  timestamp: '2026-01-01T00:00:00Z',
  prompt_hash: promptHash(prompt),
  prompt_preview: type ? '' : prompt,
  models: type ? null : ['a'],
  ...(type ? { type } : {}),
});
const runContent = (prompt: string): RunContent => ({ prompt, prompt_hash: promptHash(prompt), models: [] });
const meta = (...runs: RunSummary[]): SessionMetadata => ({ ...newSessionMetadata('ses_x'), runs, prompt_count: runs.filter((r) => !r.type).length });
const content = (...prompts: string[]): SessionContent => ({ session_id: 'ses_x', runs: prompts.map(runContent), histories: {} });

describe('a run in only one of the two session files', () => {
  it('content ahead by the newest run: that run is dropped from the content', () => {
    const aligned = alignRuns(meta(summary('p0')), content('p0', 'p1'));
    expect(aligned.content!.runs.map((r) => r.prompt)).toEqual(['p0']);
    expect(aligned.meta.runs).toHaveLength(1);
  });

  it('metadata ahead by the newest run: that summary is dropped and prompt_count follows', () => {
    const aligned = alignRuns(meta(summary('p0'), summary('p1')), content('p0'));
    expect(aligned.meta.runs.map((r) => r.prompt_preview)).toEqual(['p0']);
    expect(aligned.meta.prompt_count).toBe(1);
    expect(alignRuns(meta(summary('p0')), null).meta.runs).toEqual([]);
  });

  it('rewind markers are summaries only and do not count', () => {
    const withMarker = meta(summary('p0'), summary('p1'), summary('p1', 'rewind'));
    expect(alignRuns(withMarker, content('p0', 'p1'))).toEqual({ meta: withMarker, content: content('p0', 'p1') });
    expect(alignRuns(withMarker, content('p0', 'p1', 'p2')).content!.runs).toHaveLength(2);
    // The newest entry is a marker: the summary before it was saved with it, so nothing is dropped.
    expect(alignRuns(withMarker, content('p0')).meta).toBe(withMarker);
  });

  it('anything else (already aligned, two runs apart, different prompts) is left as it is', () => {
    const aligned = content('p0');
    expect(alignRuns(meta(summary('p0')), aligned).content).toBe(aligned);
    const twoApart = meta(summary('p0'), summary('p1'), summary('p2'));
    expect(alignRuns(twoApart, content('p0')).meta).toBe(twoApart);
    const otherPrompts = meta(summary('p0'), summary('p1'));
    expect(alignRuns(otherPrompts, content('other')).meta).toBe(otherPrompts);
    const otherContent = content('y', 'p1');
    expect(alignRuns(meta(summary('x')), otherContent).content).toBe(otherContent);
  });

  it('through Store.open: the next run lands at the same index in both files', async () => {
    const data = join(await tempDir(), 'data');
    const layout = dataLayout(data);
    const id = newSessionId();
    const paths = sessionPathsFor(layout.sessions, id);
    await saveMetadata(paths.metadataPath, { ...meta(summary('run 0'), summary('run 1')), id });
    await saveContent(paths.contentPath, { ...content('run 0'), session_id: id });
    const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: id, meta: (await loadMetadata(paths.metadataPath))! });
    expect(store.metadata().prompt_count).toBe(1);
    await store.persistRunState('run 1 again', [response('a')], null, []);
    await store.close();
    expect((await loadMetadata(paths.metadataPath))!.runs.map((r) => r.prompt_preview)).toEqual(['run 0', 'run 1 again']);
    expect((await loadContent(paths.contentPath))!.runs.map((r) => r.prompt)).toEqual(['run 0', 'run 1 again']);
  });
});

describe('temporary files of a killed writer', () => {
  it('are removed when the session is next opened for writing; data and kept corrupt copies are not', async () => {
    const data = join(await tempDir(), 'data');
    const layout = dataLayout(data);
    const id = newSessionId();
    const paths = sessionPathsFor(layout.sessions, id);
    const temps = ['session_content.json.2894717263', 'session_metadata.json.12', 'checkpoint.json.7', 'recipe.md.99', 'rewind.json.4'];
    const kept = ['session_content.json.corrupt-2026-01-01T00-00-00-000Z', 'notes.txt', 'session_content.json.bak'];
    await mkdir(join(paths.dir, 'snapshots'), { recursive: true });
    for (const name of [...temps, ...kept]) await writeFile(join(paths.dir, name), 'x');
    await writeFile(join(paths.dir, 'snapshots', `${'a'.repeat(64)}.123`), 'x');
    await writeFile(join(paths.dir, 'snapshots', 'a'.repeat(64)), 'x');

    const reader = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: id, meta: newSessionMetadata(id), readOnly: true });
    expect(await readdir(paths.dir)).toHaveLength(temps.length + kept.length + 1);
    await reader.close();

    const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: id, meta: newSessionMetadata(id) });
    expect((await readdir(paths.dir)).sort()).toEqual([...kept, 'snapshots'].sort());
    expect(await readdir(join(paths.dir, 'snapshots'))).toEqual(['a'.repeat(64)]);
    await store.close();
  });
});

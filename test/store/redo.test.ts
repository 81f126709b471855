import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../store/store.js';
import { RedoDriftError, RedoStaleError } from '../../store/redo-plan.js';
import type { RewindMode } from '../../store/rewind-plan.js';
import { openExistingStore, openFreshStore, reopenStore } from '../helpers/store-fixture.js';
import { runAndApply, tree } from '../helpers/recorded-run.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The session's files as bytes, and the project tree: what a redo must put back exactly. */
async function sessionState(store: Store, project: string) {
  await store.flush();
  const dir = join(store.sessionsDir(), store.sessionId());
  const read = (name: string) => readFile(join(dir, name), 'base64').catch(() => null);
  return {
    metadata: await read('session_metadata.json'),
    content: await read('session_content.json'),
    rewind: store.rewindEntries(),
    tree: await tree(project),
  };
}

async function setUp() {
  const opened = await openFreshStore();
  await mkdir(opened.project, { recursive: true });
  await writeFile(join(opened.project, 'main.go'), 'v0');
  return opened;
}

describe('redo', () => {
  it('puts back the files, the histories and both session files byte for byte, markers gone', async () => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    await runAndApply(store, project, 'two', [{ path: 'new.txt', content: 'new' }, { path: 'main.go', delete: true, content: '' }]);
    const before = await sessionState(store, project);
    await store.rewindTo(0, 'both');
    expect(await tree(project)).toEqual({ 'main.go': 'v0' });
    expect(store.metadata().runs.filter((run) => run.type === 'rewind')).toHaveLength(2);
    expect(store.redoDepth()).toBe(1);
    const { redone } = await store.redo();
    expect(redone.map((r) => r.feedIndex)).toEqual([1, 0]);
    expect(await sessionState(store, project)).toEqual(before);
    expect(store.redoDepth()).toBe(0);
    expect(store.metadata().runs.some((run) => run.type === 'rewind')).toBe(false);
  });

  it('survives a restart between the rewind and the redo', async () => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    const before = await sessionState(store, project);
    await store.rewindTo(0, 'both');
    const reopened = await reopenStore(store);
    expect(reopened.redoDepth()).toBe(1);
    await reopened.redo();
    expect(await sessionState(reopened, project)).toEqual(before);
    // the snapshots came back with the run: it can be rewound again
    await reopened.rewindTo(0, 'both');
    expect(await tree(project)).toEqual({ 'main.go': 'v0' });
  });

  it('refuses a file changed since the rewind, changes nothing, and overwrites it when allowed', async () => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    await store.rewindTo(0, 'both');
    await writeFile(join(project, 'main.go'), 'edited by hand');
    const rewound = await sessionState(store, project);
    const refused = await store.redo().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RedoDriftError);
    expect((refused as RedoDriftError).paths).toEqual([join(project, 'main.go')]);
    expect(await sessionState(store, project)).toEqual(rewound);
    await store.redo({ allowDrift: true });
    expect(await tree(project)).toEqual({ 'main.go': 'v1' });
  });

  it('is valid until a new run: a run empties the redo stack', async () => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    await store.rewindTo(0, 'both');
    await runAndApply(store, project, 'other', []);
    expect(store.redoDepth()).toBe(0);
    await expect(store.redo()).rejects.toThrow('nothing to redo');
    expect((await reopenStore(store)).redoDepth()).toBe(0);
  });

  it('refuses when another tool changed the session after the rewind', async () => {
    const { store, project, data } = await setUp();
    await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    await store.rewindTo(0, 'both');
    await store.close();
    const metadataPath = store.metadataPath();
    const changed = JSON.parse(await readFile(metadataPath, 'utf8'));
    changed.runs[0].note = 'edited elsewhere';
    await writeFile(metadataPath, JSON.stringify(changed));
    const reopened = await openExistingStore(data, store.sessionId(), { projectRoot: project });
    await expect(reopened.redo()).rejects.toBeInstanceOf(RedoStaleError);
    expect(reopened.redoDepth()).toBe(0);
    expect(await tree(project)).toEqual({ 'main.go': 'v0' });
  });

  it.each<RewindMode>(['code', 'conversation'])('redoes a %s-only rewind', async (mode) => {
    const { store, project } = await setUp();
    await runAndApply(store, project, 'one', [{ path: 'main.go', content: 'v1' }]);
    const before = await sessionState(store, project);
    await store.rewindTo(0, mode);
    await store.redo();
    expect(await sessionState(store, project)).toEqual(before);
  });

  it('redoes a rewind in an Errata-written session byte for byte', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const project = join(await tempDir(), 'project');
    await mkdir(project, { recursive: true });
    const id = 'ses_01a2333f-f5ff-70f8-82ad-c379159de71a';
    const store = await openExistingStore(data, id, { projectRoot: project });
    await runAndApply(store, project, 'in errata session', [{ path: 'x.txt', content: 'x' }]);
    const before = await sessionState(store, project);
    const feedIndex = store.metadata().runs.length - 1;
    await store.rewindTo(feedIndex, 'both');
    await store.redo();
    expect(await sessionState(store, project)).toEqual(before);
  });
});

// Corrupt files are kept (issue #5): for every file kind, a file that does not parse keeps its bytes
// (moved to `<name>.corrupt-<time>`, or left untouched), the user is told its path, the rest stays usable.
import { readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { Store } from '../../store/store.js';
import { RecipeStore } from '../../store/recipe-store.js';
import { loadCheckpoint } from '../../store/checkpoint.js';
import { moveAside } from '../../store/quarantine.js';
import type { CorruptFile } from '../../store/quarantine.js';
import { DataFileError } from '../../store/errors.js';
import { MAX_JSON_FILE_BYTES } from '../../store/read-json.js';
import { listSessions } from '../../store/session-list.js';
import { loadPromptHistory } from '../../store/prompt-history.js';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { loadMetadata, newSessionMetadata } from '../../store/session-files.js';
import { defaultRecipe, marshalRecipe } from '../../store/recipe/index.js';
import type { SessionMetadata } from '../../store/schemas.js';
import type { StoreOptions } from '../../store/types.js';
import { response } from '../helpers/store-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

const GARBAGE = '{"runs": [{"prompt": "half a fi';

/** A session with one run on disk, closed; returns how to open it again. */
async function sessionWithOneRun(): Promise<{ data: string; id: string; paths: ReturnType<typeof sessionPathsFor>; open: (extra?: Partial<StoreOptions>) => Promise<Store> }> {
  const data = join(await tempDir(), 'data');
  const layout = dataLayout(data);
  const id = newSessionId();
  const paths = sessionPathsFor(layout.sessions, id);
  const open = async (extra: Partial<StoreOptions> = {}) =>
    Store.open({
      promptHistPath: layout.promptHistory,
      sessionPaths: paths,
      sessionId: id,
      meta: extra.meta ?? (await loadMetadata(paths.metadataPath)) ?? newSessionMetadata(id),
      recipe: defaultRecipe(),
      ...extra,
    });
  const store = await open();
  await store.recordPrompt('first');
  await store.appendHistories(['a'], [response('a')], 'first');
  await store.persistRunState('first', [response('a')], null, []);
  await store.close();
  return { data, id, paths, open };
}

function expectKept(corrupt: CorruptFile | undefined, path: string): string {
  expect(corrupt?.path).toBe(path);
  expect(corrupt?.keptAs).toMatch(new RegExp(`^${path.replace(/[.]/g, '\\.')}\\.corrupt-\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z$`));
  expect(corrupt?.message).toContain(path);
  expect(corrupt?.message).toContain(corrupt!.keptAs!);
  return corrupt!.keptAs!;
}

describe('a corrupt file is kept and the rest stays usable', () => {
  it('session_metadata.json: listed as skipped with its path; opening it fails naming the file and never overwrites it', async () => {
    const { data, id, paths, open } = await sessionWithOneRun();
    await writeFile(paths.metadataPath, GARBAGE);
    const skipped: string[] = [];
    expect(await listSessions(dataLayout(data).sessions, ({ reason }) => skipped.push(reason))).toEqual([]);
    expect(skipped).toEqual([expect.stringContaining(`${paths.metadataPath}: not valid JSON`)]);
    await expect(loadMetadata(paths.metadataPath)).rejects.toThrow(paths.metadataPath);
    const opening = open({ meta: newSessionMetadata(id) });
    await expect(opening).rejects.toThrow(DataFileError);
    await expect(opening).rejects.toThrow(paths.metadataPath);
    expect(await readFile(paths.metadataPath, 'utf8')).toBe(GARBAGE);
    expect((await readdir(paths.dir)).filter((name) => name.includes('corrupt'))).toEqual([]);
  });

  it('session_metadata.json that parses is never replaced by fresh metadata: the open is refused', async () => {
    const { id, paths, open } = await sessionWithOneRun();
    const before = await readFile(paths.metadataPath, 'utf8');
    await expect(open({ meta: newSessionMetadata(id) })).rejects.toThrow(`${paths.metadataPath}: already holds 1 runs of session ${id}`);
    expect(await readFile(paths.metadataPath, 'utf8')).toBe(before);
  });

  it('session_content.json: moved aside, the session opens with its metadata, and new runs are saved', async () => {
    const { paths, open } = await sessionWithOneRun();
    await writeFile(paths.contentPath, GARBAGE);
    const store = await open();
    const keptAs = expectKept(store.quarantined[0], paths.contentPath);
    expect(await readFile(keptAs, 'utf8')).toBe(GARBAGE);
    expect(store.metadata().runs).toHaveLength(1);
    expect(store.metadata().prompt_count).toBe(1);
    expect(store.content().runs).toEqual([]);
    await store.persistRunState('second', [response('a')], null, []);
    await store.close();
    expect(JSON.parse(await readFile(paths.contentPath, 'utf8')).runs).toHaveLength(1);
    expect(await readFile(keptAs, 'utf8')).toBe(GARBAGE);
  });

  it('recipe.md: moved aside, the base recipe is active, and the next run writes a good one', async () => {
    const { paths, open } = await sessionWithOneRun();
    const bad = '# Broken\nversion: seven\n';
    await writeFile(paths.recipePath, bad);
    const store = await open();
    const keptAs = expectKept(store.quarantined[0], paths.recipePath);
    expect(store.quarantined[0].reason).toContain('version');
    expect(store.sessionRecipe()).toBeNull();
    expect(store.activeRecipe()).toEqual(defaultRecipe());
    await store.persistRunState('second', [response('a')], null, []);
    await store.close();
    expect(await readFile(paths.recipePath, 'utf8')).toBe(marshalRecipe(defaultRecipe()));
    expect(await readFile(keptAs, 'utf8')).toBe(bad);
  });

  it('checkpoint.json: moved aside at open, and there is nothing to resume', async () => {
    const { paths, open } = await sessionWithOneRun();
    await writeFile(paths.checkpointPath, GARBAGE);
    const store = await open();
    const keptAs = expectKept(store.quarantined[0], paths.checkpointPath);
    expect(await store.loadCheckpoint()).toBeNull();
    expect(await readFile(keptAs, 'utf8')).toBe(GARBAGE);
    await store.close();
  });

  it('checkpoint.json that goes bad later: loadCheckpoint moves it aside, reports it and returns null', async () => {
    const path = join(await tempDir(), 'checkpoint.json');
    await writeFile(path, '{"prompt": 7}');
    const reported: CorruptFile[] = [];
    expect(await loadCheckpoint(path, (file) => reported.push(file))).toBeNull();
    const keptAs = expectKept(reported[0], path);
    expect(reported[0].reason).toContain('field prompt');
    expect(await readFile(keptAs, 'utf8')).toBe('{"prompt": 7}');
  });

  it('rewind.json: moved aside, the session opens with nothing to undo', async () => {
    const { paths, open } = await sessionWithOneRun();
    const rewindPath = join(paths.dir, 'rewind.json');
    await writeFile(rewindPath, GARBAGE);
    const store = await open();
    const keptAs = expectKept(store.quarantined[0], rewindPath);
    expect(store.rewindStackLen()).toBe(0);
    expect(await readFile(keptAs, 'utf8')).toBe(GARBAGE);
    await store.close();
  });

  it('recipes.json: moved aside, a new store is started, and the corrupt bytes survive later writes', async () => {
    const data = await tempDir();
    const path = dataLayout(data).recipeStore;
    await writeFile(path, GARBAGE);
    const recipes = await RecipeStore.open(path);
    expect(recipes.quarantined).toHaveLength(1);
    recipes.put({ name: 'after' });
    await recipes.flush();
    expect((await RecipeStore.open(path)).names()).toEqual(['after']);
    expect(await readFile(recipes.quarantined[0], 'utf8')).toBe(GARBAGE);
  });

  it('prompt_history.jsonl: lines that do not parse are skipped, and the file is only ever appended to', async () => {
    const data = await tempDir();
    const path = dataLayout(data).promptHistory;
    const original = '"one"\nnot json at all\n{"an":"object"}\n"two"\n"torn';
    await writeFile(path, original);
    expect(await loadPromptHistory(path)).toEqual(['two', 'one']);
    const id = newSessionId();
    const store = await Store.open({ promptHistPath: path, sessionPaths: sessionPathsFor(dataLayout(data).sessions, id), sessionId: id, meta: newSessionMetadata(id) });
    await store.recordPrompt('three');
    await store.close();
    const after = await readFile(path, 'utf8');
    expect(after.startsWith(original)).toBe(true);
    expect(after.slice(original.length)).toBe('\n"three"\n');
    expect(await loadPromptHistory(path)).toEqual(['three', 'two', 'one']);
  });

  it('read-only, a corrupt file is reported but left where it is', async () => {
    const { data, id, paths, open } = await sessionWithOneRun();
    await writeFile(paths.contentPath, GARBAGE);
    const holder = await open();
    await writeFile(paths.contentPath, GARBAGE); // gone bad while held: the reader must not move it
    const reader = await Store.open({
      promptHistPath: dataLayout(data).promptHistory,
      sessionPaths: paths,
      sessionId: id,
      meta: (await loadMetadata(paths.metadataPath)) as SessionMetadata,
      readOnly: true,
    });
    expect(reader.quarantined).toEqual([{ path: paths.contentPath, reason: expect.stringContaining('not valid JSON'), keptAs: null, message: expect.stringContaining('left as it is') }]);
    expect(await readFile(paths.contentPath, 'utf8')).toBe(GARBAGE);
    await holder.close();
  });

  it('a session content too large to load is refused with a message naming the file, and kept', async () => {
    const { paths, open } = await sessionWithOneRun();
    await truncate(paths.contentPath, MAX_JSON_FILE_BYTES + 1); // sparse: costs no disk
    await expect(open()).rejects.toThrow(`${paths.contentPath}: too large to open`);
    expect((await readdir(paths.dir)).filter((name) => name.includes('corrupt'))).toEqual([]);
    await expect(open({ readOnly: true })).rejects.toThrow('too large to open');
    await writeFile(paths.contentPath, '{"runs":[]}');
    await (await open()).close(); // the lock was given back
  });

  it('moving aside never overwrites an earlier copy, even within the same millisecond', async () => {
    const dir = await tempDir();
    const path = join(dir, 'recipes.json');
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-05-01T10:00:00.000Z') });
    try {
      await writeFile(path, 'first');
      const first = await moveAside(path);
      await writeFile(path, 'second');
      const second = await moveAside(path);
      expect(first).not.toBe(second);
      expect([await readFile(first, 'utf8'), await readFile(second, 'utf8')]).toEqual(['first', 'second']);
    } finally {
      vi.useRealTimers();
    }
  });
});

// A session held by another process can be opened read-only: everything loads, every write is refused
// with an error naming the session, and neither memory nor any file changes.
import { openExistingStore } from '../helpers/store-fixture.js';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../store/store.js';
import { RecipeStore } from '../../store/recipe-store.js';
import { ReadOnlySessionError, WRITING_METHODS } from '../../store/read-only-store.js';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { newSessionMetadata } from '../../store/session-files.js';
import { defaultRecipe } from '../../store/recipe/index.js';
import { response } from '../helpers/store-fixture.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Store methods that only read (or change nothing on disk: cost, the in-memory recipe and tools). */
const READING_METHODS = [
  'histories', 'promptHistory', 'metadata', 'content', 'canRewind', 'rewindStackLen', 'rewindEntries', 'rewindPlan',
  'checkpointPath', 'loadCheckpoint', 'accumulateCost', 'totalCost', 'costPerModel', 'sessionId', 'metadataPath',
  'contentPath', 'sessionRecipePath', 'sessionsDir', 'recipesDir', 'projectRoot', 'baseRecipe', 'sessionRecipe',
  'setSessionRecipe', 'activeRecipe', 'lastActiveTools', 'setLastActiveTools', 'buildRecipeSnapshot', 'recipeHash', 'recipeHashFor',
  'recipeStore', 'recipeNameLookup', 'flush', 'close', 'redoDepth', 'redoPlan', 'title',
];
const PRIVATE_METHODS = ['constructor', 'changeHistories', 'changeNewestRun'];

async function heldSession(): Promise<{ holder: Store; data: string; id: string }> {
  const data = join(await tempDir(), 'data');
  const layout = dataLayout(data);
  const id = newSessionId();
  const holder = await Store.open({
    promptHistPath: layout.promptHistory,
    sessionPaths: sessionPathsFor(layout.sessions, id),
    sessionId: id,
    meta: newSessionMetadata(id),
    recipeStore: await RecipeStore.open(layout.recipeStore),
    recipe: defaultRecipe(),
  });
  await holder.recordPrompt('held prompt');
  const lengths = await holder.appendHistories(['a'], [response('a')], 'held prompt');
  await holder.persistRunState('held prompt', [response('a')], null, []);
  await holder.pushRewindEntry({ historyLengths: lengths, feedIndex: 0, prompt: 'held prompt' });
  await holder.flush();
  return { holder, data, id };
}

async function openReadOnly(data: string, id: string, withRecipeStore = true): Promise<Store> {
  const recipeStore = withRecipeStore ? await RecipeStore.open(dataLayout(data).recipeStore) : null;
  return openExistingStore(data, id, { recipeStore, recipe: defaultRecipe(), readOnly: true });
}

/** Every file under `dir` with its bytes and mtime, to prove nothing was written. */
async function snapshotTree(dir: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    tree[path] = `${(await stat(path)).mtimeMs} ${await readFile(path, 'base64')}`;
  }
  return tree;
}

describe('a session opened read-only', () => {
  it('opens while another store holds the session, without taking the lock, and loads everything', async () => {
    const { holder, data, id } = await heldSession();
    const reader = await openReadOnly(data, id);
    expect(reader.metadata().prompt_count).toBe(1);
    expect(reader.histories().a).toHaveLength(2);
    expect(reader.content().runs).toHaveLength(1);
    expect(reader.promptHistory()).toEqual(['held prompt']);
    expect(reader.rewindStackLen()).toBe(1);
    expect(reader.sessionRecipe()).toEqual(defaultRecipe());
    expect(await readdir(join(data, 'locks'))).toEqual([`${id}.lock`]);
    await reader.close();
    expect(await readdir(join(data, 'locks'))).toEqual([`${id}.lock`]);
    await holder.close();
  });

  it('refuses every write with an error naming the session; memory and every file stay as they were', async () => {
    const { holder, data, id } = await heldSession();
    const reader = await openReadOnly(data, id);
    const before = await snapshotTree(data);
    const metadata = reader.metadata();
    const histories = reader.histories();
    for (const method of WRITING_METHODS) {
      const write = (reader[method] as () => Promise<unknown>).call(reader);
      await expect(write, method).rejects.toThrow(ReadOnlySessionError);
      await expect(write, method).rejects.toThrow(`session ${id} is open read-only: ${method} was refused and nothing was written`);
    }
    // Refusals nobody awaits are handled: the process does not crash, flush has nothing to report.
    void reader.recordPrompt('not awaited');
    await reader.flush();
    expect(reader.metadata()).toBe(metadata);
    expect(reader.histories()).toBe(histories);
    expect(reader.promptHistory()).toEqual(['held prompt']);
    expect(reader.recipeHash()).toBe(holder.recipeHash());
    await reader.close();
    expect(await snapshotTree(data)).toEqual(before);
    await holder.close();
  });

  it('recipeHash without a recipe store is empty, as for a writable store', async () => {
    const { holder, data, id } = await heldSession();
    expect((await openReadOnly(data, id, false)).recipeHash()).toBe('');
    await holder.close();
  });

  it('every Store method is classified as writing (refused read-only) or reading', () => {
    const methods = Object.getOwnPropertyNames(Store.prototype);
    const known = new Set<string>([...WRITING_METHODS, ...READING_METHODS, ...PRIVATE_METHODS]);
    expect(methods.filter((name) => !known.has(name)), 'classify new Store methods in read-only-store.ts (WRITING_METHODS) or this test').toEqual([]);
  });
});

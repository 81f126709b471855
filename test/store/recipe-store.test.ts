import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecipeStore, renderRecipeStore } from '../../store/recipe-store.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('recipes.json', () => {
  it('reads the fixture and writes it back byte for byte as Errata does', async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'recipes.json');
    const store = await RecipeStore.open(path);
    expect(Object.keys(store.list()).sort()).toEqual([
      'rcp_v0_5ce56ac9ff40a1b5ecd80c5cf78ae9e29c4ad6cfc5dd91d9cb0026580cb13791',
      'rcp_v1_84ace6dd121b4650e1a18e52e7cdf3f0c7d6f4e51a97068250cb76b29aff13c4',
    ]);
    expect(store.hashesForName('Go Review')).toEqual(['rcp_v1_84ace6dd121b4650e1a18e52e7cdf3f0c7d6f4e51a97068250cb76b29aff13c4']);
    expect(renderRecipeStore(store.list() as Record<string, never>)).toBe(await readFile(path, 'utf8'));
  });

  it('putting a snapshot whose hash is already there does not rewrite the file', async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'recipes.json');
    const store = await RecipeStore.open(path);
    const before = await stat(path);
    const hash = store.put({ name: 'default' });
    await store.flush();
    expect(hash).toBe('rcp_v0_5ce56ac9ff40a1b5ecd80c5cf78ae9e29c4ad6cfc5dd91d9cb0026580cb13791');
    expect((await stat(path)).ino).toBe(before.ino);
  });

  it('a new snapshot is added and known at once; the file is indented by two spaces', async () => {
    const path = join(await tempDir(), 'data', 'recipes.json');
    const store = await RecipeStore.open(path);
    const hash = store.put({ version: 1, name: 'mine', system_prompt: 'a & b' });
    expect(store.nameOf(hash)).toBe('mine');
    await store.flush();
    const text = await readFile(path, 'utf8');
    expect(text).toContain('\n  "rcp_v1_');
    expect(text).toContain('a \\u0026 b');
  });

  it('two stores on one file keep each other’s snapshots (re-read and merge under a lock)', async () => {
    const path = join(await tempDir(), 'recipes.json');
    const first = await RecipeStore.open(path);
    const second = await RecipeStore.open(path);
    const names = Array.from({ length: 10 }, (_, i) => `r${i}`);
    names.forEach((name, i) => (i % 2 ? first : second).put({ name }));
    await Promise.all([first.flush(), second.flush()]);
    const reopened = await RecipeStore.open(path);
    expect(reopened.names()).toEqual(names.sort());
  });

  it('a corrupt file is renamed aside, never overwritten, and the store starts empty', async () => {
    const dir = await tempDir();
    const path = join(dir, 'recipes.json');
    await writeFile(path, '{"rcp_v1_x": {');
    const store = await RecipeStore.open(path);
    expect(store.list()).toEqual({});
    expect(store.quarantined).toHaveLength(1);
    expect(await readFile(store.quarantined[0], 'utf8')).toBe('{"rcp_v1_x": {');
    store.put({ name: 'after' });
    await store.flush();
    expect((await readdir(dir)).sort()).toEqual(['recipes.json', store.quarantined[0].split('/').pop()].sort());
  });

  it('a read-only store reports a corrupt file and leaves it exactly where it is', async () => {
    const dir = await tempDir();
    const path = join(dir, 'recipes.json');
    await writeFile(path, '{"rcp_v1_x": {');
    const store = await RecipeStore.open(path, { readOnly: true });
    expect(store.list()).toEqual({});
    expect(store.unreadable[0]).toContain(path);
    store.put({ name: 'not saved' });
    await store.flush();
    expect(await readdir(dir)).toEqual(['recipes.json']);
    expect(await readFile(path, 'utf8')).toBe('{"rcp_v1_x": {');
  });

  it('a lock left by a crashed process does not stop the next save', async () => {
    const dir = await tempDir();
    const path = join(dir, 'recipes.json');
    const { mkdir: makeDir, utimes } = await import('node:fs/promises');
    await makeDir(`${path}.lock`);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);
    const store = await RecipeStore.open(path);
    store.put({ name: 'after a crash' });
    await store.flush();
    expect((await RecipeStore.open(path)).names()).toEqual(['after a crash']);
  });
});

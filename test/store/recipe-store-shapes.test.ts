// recipes.json in both of Errata's shapes: read (never set aside), answered by get/list/hashesForName, and
// written back in the shape the file has, byte for byte as that Errata version writes it.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi, afterEach } from 'vitest';
import { RecipeStore, configHash, defaultRecipe, marshalErrataMarkdown, parseRecipe, recipeSnapshotHash, renderRecipeStore, snapshotFromRecipe } from '../../store/index.js';
import type { StoredRecipe } from '../../store/index.js';
import { copyErrataFixture, fixtureExpected } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

interface Expected {
  recipes: Record<string, string>;
  recipe_hashes_for_name: Record<string, string[]>;
}

afterEach(() => vi.unstubAllEnvs());

describe.each(['errata-head-data', 'errata-4b0b74b-data'] as const)('recipes.json written by Errata (%s)', (fixture) => {
  it('is read, never set aside; every hash has its name and hashesForName gives what Errata gives', async () => {
    const path = join(await copyErrataFixture(fixture), 'recipes.json');
    const store = await RecipeStore.open(path);
    const expected = fixtureExpected<Expected>(fixture);
    expect(store.quarantined).toEqual([]);
    expect(Object.keys(store.list()).sort()).toEqual(Object.keys(expected.recipes).sort());
    for (const [hash, name] of Object.entries(expected.recipes)) {
      expect(store.nameOf(hash)).toBe(name);
      expect(store.get(hash)).not.toBeNull();
    }
    for (const [name, hashes] of Object.entries(expected.recipe_hashes_for_name)) expect(store.hashesForName(name)).toEqual(hashes);
    expect(store.shape()).toBe(fixture === 'errata-head-data' ? 'markdown' : 'snapshot');
  });

  it('renders back to the very bytes Errata wrote', async () => {
    const path = join(await copyErrataFixture(fixture), 'recipes.json');
    expect(renderRecipeStore((await RecipeStore.open(path)).list())).toBe(await readFile(path, 'utf8'));
  });

  it("a put keeps the file's shape: old entries byte for byte, the new one as that Errata writes it", async () => {
    const path = join(await copyErrataFixture(fixture), 'recipes.json');
    const before = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    const store = await RecipeStore.open(path);
    const recipe = parseRecipe('# Added & <new>\nversion: 1\n\n## Models\n- demo/alpha\n\n## System Prompt\nhi\n');
    const hash = store.putRecipe(recipe, ['read_file']);
    await store.flush();
    const text = await readFile(path, 'utf8');
    const after = JSON.parse(text) as Record<string, unknown>;
    expect(text).toBe(renderRecipeStore({ ...(before as Record<string, StoredRecipe>), [hash]: after[hash] as StoredRecipe }));
    for (const [key, value] of Object.entries(before)) expect(after[key]).toEqual(value);
    if (fixture === 'errata-head-data') {
      expect(hash).toBe(configHash(recipe));
      expect(hash).toMatch(/^rcp_[0-9a-f]{64}$/);
      // Models included in the stored markdown, not in the hash; <>& escaped as Go escapes them
      expect(after[hash]).toBe(marshalErrataMarkdown(recipe));
      expect(text).toContain('"# Added \\u0026 \\u003cnew\\u003e\\nversion: 1\\n\\n## Models\\n- demo/alpha\\n\\n## System Prompt\\nhi\\n"');
    } else {
      expect(hash).toBe(recipeSnapshotHash(snapshotFromRecipe(recipe, ['read_file'])));
      expect(after[hash]).toEqual({ version: 1, name: 'Added & <new>', system_prompt: 'hi', tools: ['read_file'] });
    }
    expect((await RecipeStore.open(path)).nameOf(hash)).toBe('Added & <new>');
  });
});

describe('a recipes.json of each shape, or both', () => {
  it('a new file takes the seed shape, or markdown with BAKEOFF_ERRATA_FORMAT=markdown', async () => {
    const dir = await tempDir();
    const seed = await RecipeStore.open(join(dir, 'a.json'));
    expect(seed.putRecipe(defaultRecipe(), ['read_file'])).toMatch(/^rcp_v1_/);
    vi.stubEnv('BAKEOFF_ERRATA_FORMAT', 'markdown');
    const newest = await RecipeStore.open(join(dir, 'b.json'));
    expect(newest.shape()).toBe('markdown');
    const hash = newest.putRecipe(defaultRecipe(), ['read_file']);
    expect(hash).toBe(configHash(defaultRecipe()));
    await Promise.all([seed.flush(), newest.flush()]);
    expect(typeof (JSON.parse(await readFile(join(dir, 'b.json'), 'utf8')) as Record<string, unknown>)[hash]).toBe('string');
    // an existing file keeps its own shape whatever the variable says
    expect((await RecipeStore.open(join(dir, 'a.json'))).shape()).toBe('snapshot');
  });

  it('reads a file that mixes both, answering names from either; a markdown value without a title is "default"', async () => {
    const path = join(await tempDir(), 'recipes.json');
    const markdown = 'version: 1\n\n## Models\n- m\n';
    const snapshot = { version: 1, name: 'Snap' };
    await writeFile(path, JSON.stringify({ rcp_md: markdown, rcp_v1_snap: snapshot, rcp_bad: 'not a recipe' }));
    const store = await RecipeStore.open(path);
    expect(store.quarantined).toEqual([]);
    expect(store.shape()).toBe('markdown');
    expect(store.get('rcp_md')).toBe(markdown);
    expect(store.get('rcp_v1_snap')).toEqual(snapshot);
    expect(store.hashesForName('default')).toEqual(['rcp_bad', 'rcp_md']);
    expect(store.names()).toEqual(['Snap', 'default']);
  });

  it('keeps the first markdown stored under a hash', async () => {
    const path = join(await copyErrataFixture('errata-head-data'), 'recipes.json');
    const [hash, first] = Object.entries(JSON.parse(await readFile(path, 'utf8')) as Record<string, string>)[0];
    const store = await RecipeStore.open(path);
    // the same recipe with other models: same hash, other markdown
    const other = parseRecipe(first.replace(/## Models\n(- .*\n)+/, '## Models\n- someone/else\n'));
    expect(store.putRecipe(other, [])).toBe(hash);
    await store.flush();
    expect((JSON.parse(await readFile(path, 'utf8')) as Record<string, string>)[hash]).toBe(first);
  });
});

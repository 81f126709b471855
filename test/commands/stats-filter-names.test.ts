// The stats panel's recipe filter is a recipe name: it counts the runs under every hash of that name, in
// both of Errata's schemes (`rcp_v1_` and newest Errata's `rcp_`), as `bakeoff stats --recipe` does.
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecipeStore, dataLayout } from '../../store/index.js';
import { loadStatsFilters } from '../../src/commands/stats-view.js';
import { copyErrataFixture, fixtureDir } from '../helpers/fixtures.js';
import { openExistingStore } from '../helpers/store-fixture.js';

describe('the stats panel recipe filter', () => {
  it('groups the hashes of a name from both Errata versions into one filter', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const old = join(fixtureDir('errata-4b0b74b-data'), 'data');
    for (const id of await readdir(join(old, 'sessions'))) await cp(join(old, 'sessions', id), join(data, 'sessions', id), { recursive: true });
    const merged = { ...JSON.parse(await readFile(join(data, 'recipes.json'), 'utf8')), ...JSON.parse(await readFile(join(old, 'recipes.json'), 'utf8')) } as object;
    await writeFile(join(data, 'recipes.json'), JSON.stringify(merged, null, 2));
    const store = await openExistingStore(data, 'ses_01a2333f-f621-741a-a507-42e7cd611836', { recipeStore: await RecipeStore.open(dataLayout(data).recipeStore), readOnly: true });
    const filters = await loadStatsFilters(store);
    const goReview = filters.filter((f) => f.label.startsWith('Go Review'));
    expect(goReview).toHaveLength(1);
    expect(goReview[0].label).toBe('Go Review (2 hashes)');
    expect(goReview[0].all.find((row) => row.modelId === 'demo/alpha')?.participations).toBe(6);
    expect(filters.map((f) => f.label).sort()).toEqual(['Errata Default (2 hashes)', 'Go Review (2 hashes)', 'every recipe', 'Ünïcode <Recipe> & 🍰 (2 hashes)']);
    expect(filters).toHaveLength(4);
  });
});

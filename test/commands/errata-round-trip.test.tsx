// A round trip through a data directory newest Errata wrote: bakeoff opens a session there, records a run,
// picks, exits; recipes.json stays in Errata's markdown shape with every old recipe byte for byte, every old
// run is intact, and the new run carries an `rcp_` hash. And the hash the status bar shows before a run is
// the one the run records (one function for both).
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecipeStore, renderRecipeStore } from '../../store/index.js';
import type { SessionMetadata, StoredRecipe } from '../../store/index.js';
import { shortHash } from '../../components/short-hash.js';
import { copyErrataFixture, fixtureDir } from '../helpers/fixtures.js';
import { startApp, type AppDriver } from './app-harness.js';
import { waitUntil } from '../helpers/wait-until.js';

let app: AppDriver | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const statusHash = (frame: string): string => /default (rcp_\S+)/.exec(frame.split('\n').at(-1) ?? '')?.[1] ?? '';

describe('a session in a data directory newest Errata wrote', () => {
  it('records a run under an rcp_ hash and leaves recipes.json markdown-shaped, old entries and runs intact', async () => {
    const data = await copyErrataFixture('errata-head-data');
    const recipesBefore = JSON.parse(await readFile(join(data, 'recipes.json'), 'utf8')) as Record<string, StoredRecipe>;
    const sessionsBefore = await readdir(join(data, 'sessions'));
    app = await startApp({ root: dirname(data) });
    const shown = statusHash(app.frame());
    expect(shown).toMatch(/^rcp_[0-9a-f]{8}$/);

    await app.runPrompt('write c.txt: three');
    await app.submit('1');
    await app.waitFor('Applied: c.txt');
    await app.submit('/exit');
    await waitUntil(() => (app?.onExit.mock.calls.length ?? 0) > 0);
    await app.session.store.close();

    const meta = JSON.parse(await readFile(app.session.store.metadataPath(), 'utf8')) as SessionMetadata;
    const hash = meta.runs[0].config_hash!;
    expect(hash).toMatch(/^rcp_[0-9a-f]{64}$/);
    expect(shortHash(hash)).toBe(shown);
    const text = await readFile(join(data, 'recipes.json'), 'utf8');
    const after = JSON.parse(text) as Record<string, StoredRecipe>;
    expect(Object.values(after).every((value) => typeof value === 'string')).toBe(true);
    expect(text).toBe(renderRecipeStore({ ...recipesBefore, [hash]: after[hash] }));
    expect((await RecipeStore.open(join(data, 'recipes.json'))).nameOf(hash)).toBe('default');
    for (const id of sessionsBefore) {
      for (const file of ['session_metadata.json', 'session_content.json']) {
        expect(await readFile(join(data, 'sessions', id, file), 'utf8')).toBe(await readFile(join(fixtureDir('errata-head-data'), 'data', 'sessions', id, file), 'utf8'));
      }
    }
  });

  it('in a new data directory the status bar shows the rcp_v1_ hash the first run then records', async () => {
    app = await startApp();
    const shown = statusHash(app.frame());
    expect(shown).toMatch(/^rcp_v1_[0-9a-f]{8}$/);
    await app.runPrompt('just talk');
    await app.submit('s');
    await app.waitFor('Skipped.');
    expect(shortHash(app.session.store.metadata().runs[0].config_hash!)).toBe(shown);
    expect(statusHash(app.frame())).toBe(shown);
  });
});

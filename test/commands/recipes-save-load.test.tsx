import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRecipe, type SessionMetadata } from '../../store/index.js';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('/recipes, /save and /load', () => {
  it('/save writes the active recipe to data/recipes/<name>.recipe.md; /recipes lists it', async () => {
    app = await startApp();
    await app.submit('/save');
    const frame = await app.waitFor('Saved recipe');
    const path = /to (\S+\.recipe\.md)/.exec(frame)?.[1] ?? '';
    expect(path.startsWith(join(app.data, 'recipes'))).toBe(true);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const saved = parseRecipe(await readFile(path, 'utf8'));
    expect(saved).toEqual(app.session.store.activeRecipe());

    await app.submit('/recipes');
    const panel = await app.waitFor('Stored snapshots');
    expect(panel).toMatch(/active\s+\S.* rcp_v1_[0-9a-f]+/);
    expect(panel).toContain(path.split('/').pop());
  });

  it("/load makes a file the session's recipe: recipe.md is written and the status bar names it", async () => {
    app = await startApp();
    const file = join(app.project, 'terse.recipe.md');
    await writeFile(file, '# Terse\nversion: 1\n\n## System Prompt\nAnswer in one line.\n');
    await app.submit(`/load ${file}`);
    await app.waitFor('Loaded recipe "Terse"');
    expect(app.frame()).toMatch(/│ Terse rcp_v1_/);
    const written = await readFile(app.session.store.sessionRecipePath(), 'utf8');
    expect(parseRecipe(written).systemPrompt).toBe('Answer in one line.');
  });

  it('/load takes effect for the next run: its models, tools and system prompt', async () => {
    app = await startApp({ models: ['demo/alpha', 'demo/beta'] });
    await app.runPrompt('before');
    await app.submit('s');
    await app.waitFor('Skipped.');
    const file = join(app.project, 'three.recipe.md');
    await writeFile(file, '# Three\nversion: 1\n\n## Models\n- demo/alpha\n- demo/beta\n- demo/gamma\n\n## System Prompt\nBe brief.\n\n## Tools\n- read_file\n');
    await app.submit(`/load ${file}`);
    await app.waitFor('Loaded recipe "Three"');
    expect(app.frame()).toMatch(/│ demo\/alpha, demo\/beta, demo\/gamma │/);
    await app.runPrompt('after');
    expect(app.frame()).toContain('demo/gamma');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs.map((run) => run.models)).toEqual([
      ['demo/alpha', 'demo/beta'],
      ['demo/alpha', 'demo/beta', 'demo/gamma'],
    ]);
    const recipes = await app.readJson<Record<string, { system_prompt?: string; tools?: string[] }>>(join(app.data, 'recipes.json'));
    const recorded = recipes[meta.runs[1].config_hash ?? ''];
    expect(recorded).toMatchObject({ name: 'Three', system_prompt: 'Be brief.', tools: ['read_file'] });
  });

  it('/load of a recipe with a model that cannot run says so and runs the others', async () => {
    app = await startApp({ models: ['demo/alpha'] });
    const file = join(app.project, 'mixed.recipe.md');
    await writeFile(file, '# Mixed\nversion: 1\n\n## Models\n- demo/beta\n- nope/model\n');
    await app.submit(`/load ${file}`);
    await app.waitFor('nope/model left out');
    expect(app.frame()).toMatch(/│ demo\/beta │/);
  });

  it('/load says what is wrong with a missing or bad file', async () => {
    app = await startApp();
    await app.submit('/load');
    await app.waitFor('Usage: /load <path>');
    await app.submit('/load nowhere.md');
    await app.waitFor('No recipe file at');
    const bad = join(app.project, 'bad.md');
    await writeFile(bad, '# No version\n');
    await app.submit(`/load ${bad}`);
    await app.waitFor(bad);
  });
});

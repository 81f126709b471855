import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newSessionMetadata, saveMetadata, SessionIdError, SessionLockedError } from '../../store/index.js';
import { openSession } from '../../src/session/open-session.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { SESSION_A, SESSION_B, SESSION_CORRUPT } from './fixture-ids.js';

describe('openSession', () => {
  it('a new session takes the default recipe and its models, and writes no session file until the first run', async () => {
    const data = join(await tempDir(), 'data');
    const opened = await openSession({ dataDir: data });
    expect(opened.resumed).toBe(false);
    expect(opened.models).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
    expect(opened.recipe.name).toBe('default');
    expect(opened.warnings).toEqual([]);
    expect(opened.layout.root).toBe(data);
    const meta = opened.store.metadata();
    expect(meta.id).toMatch(/^ses_[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(meta).toMatchObject({ models: opened.models, prompt_count: 0, runs: [] });
    expect(opened.store.baseRecipe()).toEqual(opened.recipe);
    await opened.store.flush();
    // only the session lock (data/locks/) may exist: no session directory, prompt history or recipe store
    for (const name of ['sessions', 'prompt_history.jsonl', 'recipes.json']) expect(existsSync(join(data, name)), name).toBe(false);
    // the app's first run starts with saveInitialMeta
    await opened.store.saveInitialMeta();
    expect(await readdir(join(data, 'sessions'))).toEqual([meta.id]);
    await opened.store.close();
  });

  it('a new session in a fixture data dir leaves the existing sessions alone', async () => {
    const data = await copyErrataFixture();
    const before = await readdir(join(data, 'sessions'));
    const opened = await openSession({ dataDir: data, models: ['m1', 'm2'] });
    expect(opened.models).toEqual(['m1', 'm2']);
    expect(opened.store.metadata().models).toEqual(['m1', 'm2']);
    expect(opened.store.promptHistory()[0]).toBe('summarize the design doc');
    expect(await readdir(join(data, 'sessions'))).toEqual(before);
    await opened.store.close();
  });

  it('--continue opens the most recent session with the models of its recipe.md, and says what it skipped', async () => {
    const data = await copyErrataFixture();
    const opened = await openSession({ dataDir: data, continue: true });
    expect(opened.resumed).toBe(true);
    expect(opened.store.sessionId()).toBe(SESSION_B);
    expect(opened.models).toEqual(['claude-sonnet-4-6', 'gemini-2.5-pro']);
    expect(opened.store.sessionRecipe()?.name).toBe('Go Review');
    expect(opened.store.histories()['claude-sonnet-4-6']).toHaveLength(2);
    expect(opened.warnings).toEqual([expect.stringMatching(new RegExp(`^skipped session ${SESSION_CORRUPT}: `))]);
    await opened.store.close();
    // resume: true is the same as continue
    const again = await openSession({ dataDir: data, resume: true });
    expect(again.store.sessionId()).toBe(SESSION_B);
    await again.store.close();
  });

  it('--resume <id> opens that session; without recipe.md its models come from the metadata', async () => {
    const data = await copyErrataFixture();
    const opened = await openSession({ dataDir: data, resume: SESSION_A });
    expect(opened.resumed).toBe(true);
    expect(opened.store.sessionId()).toBe(SESSION_A);
    expect(opened.models).toEqual(['claude-sonnet-4-6', 'gpt-4.1']);
    expect(opened.store.metadata().runs).toHaveLength(4);
    expect(opened.store.histories()['gpt-4.1']).toHaveLength(4);
    expect(opened.store.sessionRecipe()).toBeNull();
    expect(opened.store.activeRecipe()?.name).toBe('default');
    await opened.store.close();
  });

  it('--resume takes a unique prefix, and --models overrides the session models', async () => {
    const data = join(await tempDir(), 'data');
    for (const id of ['ses_aaa111', 'ses_bbb222']) await saveMetadata(join(data, 'sessions', id, 'session_metadata.json'), newSessionMetadata(id, ['x', 'y']));
    const opened = await openSession({ dataDir: data, resume: 'ses_a' });
    expect(opened.store.sessionId()).toBe('ses_aaa111');
    expect(opened.models).toEqual(['x', 'y']);
    const overridden = await openSession({ dataDir: data, resume: 'ses_b', models: ['z'] });
    expect(overridden.store.sessionId()).toBe('ses_bbb222');
    expect(overridden.models).toEqual(['z']);
    await Promise.all([opened.store.close(), overridden.store.close()]);
  });

  it('a session started with --models comes back with those models on --continue', async () => {
    const data = join(await tempDir(), 'data');
    const first = await openSession({ dataDir: data, models: ['demo/alpha', 'demo/beta'] });
    await first.store.saveInitialMeta();
    await first.store.persistRunState('p', [{ modelId: 'demo/alpha', text: 'a', latencyMs: 1, inputTokens: 1, outputTokens: 1, costUsd: 0 }], null, []);
    await first.store.close();
    const again = await openSession({ dataDir: data, continue: true });
    expect(again.models).toEqual(['demo/alpha', 'demo/beta']);
    await again.store.close();
  });

  it('a session another open holds is refused naming the holder; readOnly opens it anyway', async () => {
    const data = await copyErrataFixture();
    const holder = await openSession({ dataDir: data, resume: SESSION_A });
    await expect(openSession({ dataDir: data, resume: SESSION_A })).rejects.toThrow(SessionLockedError);
    const reader = await openSession({ dataDir: data, resume: SESSION_A, readOnly: true });
    expect(reader.store.metadata().runs).toHaveLength(4);
    await Promise.all([holder.store.close(), reader.store.close()]);
  });

  it('a resumed session whose content file does not parse opens without it and says so', async () => {
    const data = await copyErrataFixture();
    await writeFile(join(data, 'sessions', SESSION_A, 'session_content.json'), '{ broken');
    const opened = await openSession({ dataDir: data, resume: SESSION_A });
    expect(opened.warnings).toEqual([expect.stringContaining(join(data, 'sessions', SESSION_A, 'session_content.json'))]);
    await opened.store.close();
  });

  it('an unknown or ambiguous --resume rejects with a SessionIdError that says which', async () => {
    const data = await copyErrataFixture();
    await expect(openSession({ dataDir: data, resume: 'ses_nope' })).rejects.toThrow(SessionIdError);
    await expect(openSession({ dataDir: data, resume: 'ses_0195' })).rejects.toThrow(/ambiguous: .*00000000000a, .*00000000000b/);
    const empty = join(await tempDir(), 'data');
    await expect(openSession({ dataDir: empty, continue: true })).rejects.toThrow(/no sessions in /);
  });

  it('--recipe uses that file as the base recipe, its models and its warnings', async () => {
    const dir = await tempDir();
    const path = join(dir, 'mine.md');
    await writeFile(path, '# Mine\nversion: 1\n\n## Models\n- demo/beta\n\n## Flavour\nx\n');
    const opened = await openSession({ dataDir: join(dir, 'data'), recipePath: path });
    expect(opened.recipe.name).toBe('Mine');
    expect(opened.models).toEqual(['demo/beta']);
    expect(opened.warnings).toEqual([`${path}: recipe line 7: unknown section "Flavour"; skipped`]);
    await opened.store.close();
  });

  it("a --recipe's project_root is where writes go; one that is not a directory is refused naming it", async () => {
    const dir = await tempDir();
    const project = join(dir, 'project');
    await mkdir(project);
    const path = join(dir, 'rooted.md');
    await writeFile(path, `# Rooted\nversion: 1\n\n## Models\n- demo/alpha\n\n## Constraints\nproject_root: ${project}\n`);
    const opened = await openSession({ dataDir: join(dir, 'data'), recipePath: path });
    expect(opened.store.projectRoot()).toBe(project);
    await opened.store.close();
    await writeFile(path, `# Rooted\nversion: 1\n\n## Models\n- demo/alpha\n\n## Constraints\nproject_root: ${join(dir, 'nowhere')}\n`);
    await expect(openSession({ dataDir: join(dir, 'data'), recipePath: path })).rejects.toThrow(`recipe ${path}: project_root ${join(dir, 'nowhere')} is not a directory`);
  });

  it('a --recipe file that does not parse, or is missing, rejects naming the file (and the line)', async () => {
    const dir = await tempDir();
    const bad = join(dir, 'bad.md');
    await writeFile(bad, '# Bad\nversion: 2\n');
    await expect(openSession({ dataDir: join(dir, 'data'), recipePath: bad })).rejects.toThrow(`${bad}: recipe line 2: bad version "2": want 1`);
    await expect(openSession({ dataDir: join(dir, 'data'), recipePath: join(dir, 'gone.md') })).rejects.toThrow(`${join(dir, 'gone.md')}: no such recipe file`);
  });

  it('a recipe without Models and no --models is an error that says how to fix it', async () => {
    const dir = await tempDir();
    const path = join(dir, 'bare.md');
    await writeFile(path, 'version: 1\n');
    await expect(openSession({ dataDir: join(dir, 'data'), recipePath: path })).rejects.toThrow(`no models to run: recipe ${path} has no Models section; pass --models <ids>`);
    const opened = await openSession({ dataDir: join(dir, 'data'), recipePath: path, models: ['a'] });
    expect(opened.models).toEqual(['a']);
    await opened.store.close();
  });

  it('a data dir that is a file is refused by name', async () => {
    const file = join(await tempDir(), 'data');
    await writeFile(file, '');
    await expect(openSession({ dataDir: file })).rejects.toThrow(`data directory ${file} is a file, not a directory`);
  });

  it('a corrupt recipes.json is kept aside and reported in the warnings', async () => {
    const data = join(await tempDir(), 'data');
    await mkdir(data, { recursive: true });
    await writeFile(join(data, 'recipes.json'), '{ not json');
    const opened = await openSession({ dataDir: data });
    expect(opened.warnings).toEqual([expect.stringMatching(/recipes\.json did not parse; its bytes were kept in .*recipes\.json\.corrupt-/)]);
    expect(opened.store.recipeStore()?.list()).toEqual({});
    await opened.store.close();
  });
});

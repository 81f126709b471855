// A shell-made change goes through the whole run: it is the model's proposal, applied only when picked
// (with snapshots, so rewind undoes it), and a file the user changed meanwhile is a conflict.
import { existsSync } from 'node:fs';
import { readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApplyConflictError } from '../../../src/runs/apply-conflicts.js';
import { applyChoice } from '../../../src/runs/index.js';
import { bwrapPrerequisite, requireCommand } from '../../helpers/require-command.js';
import { openRunStore, recipeWith, runPrompt } from '../support/run-fixture.js';

const withBash = recipeWith((recipe) => {
  recipe.tools = { allowlist: ['read_file', 'write_file', 'delete_file', 'bash'], bashPrefixes: null, guidance: {} };
});

beforeAll(() => requireCommand(bwrapPrerequisite));
beforeEach(() => {
  vi.stubEnv('BAKEOFF_DEMO_DELAY_MS', '1');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('a shell-made change', () => {
  it('is not in the project before the pick, is after it, and rewind restores the project', async () => {
    const opened = await openRunStore(withBash);
    const { store, project } = opened;
    await writeFile(join(project, 'keep.txt'), 'before\n');
    await writeFile(join(project, 'gone.txt'), 'doomed\n');
    const run = await runPrompt(opened, ['demo/alpha', 'demo/beta'], 'run echo after > keep.txt && echo made > made.txt && rm gone.txt');
    expect(run.responses[0].proposedWrites).toEqual([
      { path: 'gone.txt', content: '', delete: true },
      { path: 'keep.txt', content: 'after\n' },
      { path: 'made.txt', content: 'made\n', created: true },
    ]);
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('before\n');
    expect(existsSync(join(project, 'made.txt'))).toBe(false);
    expect(existsSync(join(project, 'gone.txt'))).toBe(true);

    const result = await applyChoice(store, run, { kind: 'pick', modelId: 'demo/alpha' }, project);
    expect(result.applied).toEqual(['gone.txt', 'keep.txt', 'made.txt']);
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('after\n');
    expect(await readFile(join(project, 'made.txt'), 'utf8')).toBe('made\n');
    expect(existsSync(join(project, 'gone.txt'))).toBe(false);

    await store.rewind();
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('before\n');
    expect(await readFile(join(project, 'gone.txt'), 'utf8')).toBe('doomed\n');
    expect(existsSync(join(project, 'made.txt'))).toBe(false);
  });

  it('is a conflict when the user changed the file during the run, applied only when forced', async () => {
    const opened = await openRunStore(withBash);
    const { store, project } = opened;
    await writeFile(join(project, 'keep.txt'), 'before\n');
    const run = await runPrompt(opened, ['demo/alpha'], 'run echo model > keep.txt');
    await writeFile(join(project, 'keep.txt'), 'the user meanwhile\n');
    const pick = applyChoice(store, run, { kind: 'pick', modelId: 'demo/alpha' }, project);
    await expect(pick).rejects.toBeInstanceOf(ApplyConflictError);
    await expect(pick).rejects.toThrow('Not applied: keep.txt changed in the project during the run. Add ! to the number');
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('the user meanwhile\n');
    await applyChoice(store, run, { kind: 'pick', modelId: 'demo/alpha', force: true }, project);
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('model\n');
    await store.rewind();
    expect(await readFile(join(project, 'keep.txt'), 'utf8')).toBe('the user meanwhile\n');
  });
});

describe('a file dated in the future (an unpacked archive, a skewed clock)', () => {
  it('is no conflict when nobody changed it during the run', async () => {
    const opened = await openRunStore(withBash);
    const { store, project } = opened;
    const file = join(project, 'keep.txt');
    await writeFile(file, 'before\n');
    const tomorrow = new Date(Date.now() + 86_400_000);
    await utimes(file, tomorrow, tomorrow);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const run = await runPrompt(opened, ['demo/alpha'], 'run echo model > keep.txt');
    await expect(applyChoice(store, run, { kind: 'pick', modelId: 'demo/alpha' }, project)).resolves.toMatchObject({ applied: ['keep.txt'] });
    expect(await readFile(file, 'utf8')).toBe('model\n');
  });
});

describe('without bubblewrap (forced by BAKEOFF_BWRAP naming no program)', () => {
  it('refuses bash unless the user agreed to run it unconfined', async () => {
    vi.stubEnv('BAKEOFF_BWRAP', '/nonexistent/bwrap');
    const opened = await openRunStore(withBash);
    const run = await runPrompt(opened, ['demo/alpha'], 'run echo x > x.txt');
    expect(run.responses[0].proposedWrites ?? []).toEqual([]);
    expect(JSON.parse(await readFile(opened.store.contentPath(), 'utf8')).runs[0].models[0].events).toContainEqual({
      type: 'error',
      data: expect.stringContaining('bash refused: no sandbox here (/nonexistent/bwrap is missing'),
    });
  });
});

import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('/load and the recorded hash', () => {
  it('the hash /load shows is the one the next run records (a recipe with other tools than the last run)', async () => {
    app = await startApp({ models: ['demo/alpha', 'demo/beta'] });
    await app.runPrompt('before');
    await app.submit('s');
    await app.waitFor('Skipped.');
    const file = join(app.project, 'three.recipe.md');
    await writeFile(file, '# Three\nversion: 1\n\n## Models\n- demo/alpha\n- demo/beta\n- demo/gamma\n\n## Tools\n- read_file\n');
    await app.submit(`/load ${file}`);
    const frame = await app.waitFor('Loaded recipe "Three"');
    const shown = /\((rcp_\w+)\)/.exec(frame)?.[1] ?? '';
    expect(shown).not.toBe('');
    await app.runPrompt('after');
    const meta = await app.readJson<SessionMetadata>(app.session.store.metadataPath());
    expect(meta.runs[1].config_hash?.startsWith(shown)).toBe(true);
  });
});

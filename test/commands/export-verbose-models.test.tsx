import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => app?.unmount());

describe('/export, /verbose and /models', () => {
  it('/export writes data/outputs/<id>.md; a .json path gets JSON', async () => {
    app = await startApp();
    await app.runPrompt('export me');
    await app.submit('s');
    await app.waitFor('Skipped.');
    await app.submit('/export');
    await app.waitFor('Exported the session to');
    const markdown = await readFile(join(app.data, 'outputs', `${app.session.store.sessionId()}.md`), 'utf8');
    expect(markdown).toContain('export me');
    expect((await stat(join(app.data, 'outputs', `${app.session.store.sessionId()}.md`))).mode & 0o777).toBe(0o600);
    const jsonPath = join(app.project, 'report.json');
    await app.submit(`/export ${jsonPath}`);
    await app.waitFor(`Exported the session to ${jsonPath}`);
    expect(JSON.stringify(JSON.parse(await readFile(jsonPath, 'utf8')))).toContain('export me');
  });

  it('/verbose toggles every event in the live panels', async () => {
    app = await startApp();
    await app.submit('/verbose');
    await app.waitFor('Verbose on: every event is shown.');
    expect(app.frame()).toContain('│ verbose');
    await app.runPrompt('write v.txt: x');
    expect(app.frame()).toContain('text: [demo/alpha]');
    await app.submit('s');
    await app.submit('/verbose');
    await app.waitFor('Verbose off.');
  });

  it('/models lists every model of the recipe, usable or not, with the reason and the endpoint', async () => {
    delete process.env.OPENAI_COMPATIBLE_BASE_URL;
    app = await startApp({ models: ['demo/alpha', 'nope/model', 'openai-compatible/local', 'ollama/llama3'] });
    await app.submit('/models');
    const frame = await app.waitFor('Models:');
    expect(frame).toContain('demo/alpha  (demo prices');
    expect(frame).toContain('endpoint built in, no network');
    expect(frame).toMatch(/ollama\/llama3 +\(.*endpoint http:\/\/127\.0\.0\.1:11434\/v1 \(default\)/);
    expect(frame).toContain('nope/model  left out: unknown provider "nope"');
    expect(frame).toContain('openai-compatible/local  left out: set OPENAI_COMPATIBLE_BASE_URL');
  });

  it('/models with no usable model still lists them all (not "(none)")', async () => {
    delete process.env.OPENAI_COMPATIBLE_BASE_URL;
    app = await startApp({ models: ['openai-compatible/local'] });
    await app.submit('/models');
    const frame = await app.waitFor('Models:');
    expect(frame).not.toContain('(none');
    expect(frame).toMatch(/openai-compatible\/local  left out: set OPENAI_COMPATIBLE_BASE_URL [\s\S]*\(endpoint none\)/);
  });
});

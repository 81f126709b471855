// The real app in tmux on a project whose .env points OpenAI at another server: the start line and /models
// say which URL and that it came from ./.env, and an invalid .env line is reported with its number.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { startFakeModelServer } from '../runs/support/fake-model-server.js';
import { stopAfterEach } from './stop-after-each.js';
import { assertAppBuilt, launchApp } from './launch-app.js';

const started = stopAfterEach();

beforeAll(() => assertAppBuilt());

describe('an endpoint set by the project', () => {
  it('is named with its origin on the start line and in /models; a bad .env line is a warning with its number', async () => {
    const server = started.server(await startFakeModelServer('openai', [{ kind: 'stream', text: ['hi'], usage: { input: 3, output: 1 } }]));
    const root = await tempDir('bakeoff-e2e-env-');
    const project = join(root, 'project');
    await mkdir(project);
    await writeFile(join(project, '.env'), `OPENAI_BASE_URL=${server.baseURL}\nthis line is broken\n`);
    // an exported but empty variable does not hide the .env value
    const terminal = started.terminal(launchApp(project, join(root, 'data'), ['--models', 'openai/gpt-test,demo/alpha'], { OPENAI_BASE_URL: '', OPENAI_API_KEY: 'sk-test-key-1234567890' }));
    const screen = await terminal.waitFor('type a prompt, or /help');
    expect(screen).toContain('./.env line 2: not NAME=value, skipped');
    expect(screen.replace(/\s+/g, ' ')).toContain(`models: openai/gpt-test at ${server.baseURL} (OPENAI_BASE_URL from ./.env), demo/alpha`);
    terminal.type('/models', 'Enter');
    const models = await terminal.waitFor('endpoint');
    expect(models.replace(/\s+/g, ' ')).toContain(`endpoint ${server.baseURL} (OPENAI_BASE_URL from ./.env)`);
  });
});

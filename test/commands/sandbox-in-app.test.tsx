// The sandbox as the app shows it: the status bar names it, and with no bubblewrap the first prompt
// whose recipe gives bash waits for a yes (forced by BAKEOFF_BWRAP naming no program).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bwrapPrerequisite, requireCommand } from '../helpers/require-command.js';
import { startApp, type AppDriver } from './app-harness.js';

let app: AppDriver;
afterEach(() => {
  app?.unmount();
  vi.unstubAllEnvs();
});

const bashRecipe = '# With bash\nversion: 1\n\n## Tools\n- read_file\n- write_file\n- bash\n';

async function withBashRecipe(): Promise<void> {
  const file = join(app.project, 'bash.recipe.md');
  await writeFile(file, bashRecipe);
  await app.submit(`/load ${file}`);
  await app.waitFor('With bash');
}

describe('the sandbox in the app', () => {
  it('shows the sandbox in force in the status bar when the recipe gives bash', async () => {
    requireCommand(bwrapPrerequisite);
    app = await startApp({ models: ['demo/alpha'] });
    expect(app.frame()).not.toContain('sandbox:');
    await withBashRecipe();
    await app.waitFor(/sandbox: bwrap, network\s+none/);
    await app.runPrompt('run echo made > made.txt');
    expect(app.frame()).toContain('writes: +made.txt');
    expect(existsSync(join(app.project, 'made.txt'))).toBe(false);
  });

  it('with no bubblewrap, asks before the first bash prompt; no sends nothing, y runs it in a copy', async () => {
    vi.stubEnv('BAKEOFF_BWRAP', '/nonexistent/bwrap');
    app = await startApp({ models: ['demo/alpha'] });
    await withBashRecipe();
    await app.waitFor(/sandbox: copy \(no\s+bwrap\)/);
    await app.submit('run echo made > made.txt');
    await app.waitFor(/No sandbox for bash here \(\/nonexistent\/bwrap is\s+missing/);
    await app.submit('n');
    await app.waitFor(/Not sent: bash needs a\s+sandbox/);
    expect(app.session.store.metadata().runs).toHaveLength(0);
    await app.submit('run echo made > made.txt');
    await app.waitFor(/Type y and\s+Enter to\s+allow/);
    await app.submit('y');
    await app.waitFor('Pick a response');
    expect(app.frame()).toContain('writes: +made.txt');
    expect(existsSync(join(app.project, 'made.txt'))).toBe(false);
    // asked once per session
    await app.submit('s');
    await app.waitFor('Skipped.');
    await app.submit('run echo again > again.txt');
    await app.waitFor('writes: +again.txt');
  });
});

// The app and `bakeoff run` record a run through one path (src/session/session-runs.ts): the same scripted runs,
// typed in the app and given to the built binary, leave the same data directory and project, byte for byte once
// the session id, the times, the latencies and the temporary directory's name are set aside.
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from '../cli/run-cli.js';
import { startApp, type AppDriver } from '../commands/app-harness.js';
import { waitUntil } from '../helpers/wait-until.js';

beforeAll(assertBuilt);

let app: AppDriver | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
}

/** Every file of the data directory and the project, with what differs between any two runs made the same. */
async function recorded(root: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  const ids = new Map<string, string>();
  const sessionId = (id: string) => {
    if (!ids.has(id)) ids.set(id, `<session ${ids.size + 1}>`);
    return ids.get(id)!;
  };
  for (const area of ['data', 'project']) {
    for (const file of await filesUnder(join(root, area))) {
      const text = (await readFile(join(root, area, file), 'utf8'))
        .replaceAll(root, '<root>')
        .replace(/ses_[0-9a-f-]{36}/g, sessionId)
        .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/g, '<time>')
        .replace(/("latenc(y|ies)_ms":\s*\{?)([^}]*)/g, (_all, key: string, _s, values: string) => key + values.replace(/(":\s*)\d+/g, '$1<ms>').replace(/^\d+/, '<ms>'));
      files[`${area}/${file.replace(/ses_[0-9a-f-]{36}/g, sessionId)}`] = text;
    }
  }
  return files;
}

const cliEnv = { BAKEOFF_DEMO_DELAY_MS: '1' };
const runHeadless = async (root: string, args: string[]) => {
  const result = await runCli(['run', ...args], { dataDir: join(root, 'data'), cwd: join(root, 'project'), env: cliEnv });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
};

/** The app on a fresh root: `script` types the runs, then /exit closes the session. */
async function throughApp(models: string[], script: (driver: AppDriver) => Promise<void>): Promise<Record<string, string>> {
  const root = await tempDir('bakeoff-one-path-app-');
  app = await startApp({ root, models });
  await script(app);
  await app.submit('/exit');
  await waitUntil(() => (app?.onExit.mock.calls.length ?? 0) > 0, 5000);
  return recorded(root);
}

async function throughCli(script: (root: string) => Promise<void>): Promise<Record<string, string>> {
  const root = await tempDir('bakeoff-one-path-cli-');
  await mkdir(join(root, 'project'));
  await script(root);
  return recorded(root);
}

/** The number the pick list gives `model` in the frame. */
const optionOf = (frame: string, model: string): string => {
  const number = new RegExp(`(\\d+)\\. ${model.replace('/', '\\/')}\\b`).exec(frame)?.[1];
  if (!number) throw new Error(`${model} is not in the pick list:\n${frame}`);
  return number;
};

describe('one run path for the app and bakeoff run', () => {
  it('a pick that writes, then a skip in the same session: the same files', async () => {
    const models = ['demo/alpha', 'demo/beta'];
    const fromApp = await throughApp(models, async (driver) => {
      await driver.runPrompt('write a.txt: one\nwrite sub/b.txt: two');
      await driver.submit(optionOf(driver.frame(), 'demo/alpha'));
      await driver.waitFor('Applied: a.txt, sub/b.txt');
      await driver.runPrompt('now say why');
      await driver.submit('s');
      await driver.waitFor('Skipped.');
    });
    const fromCli = await throughCli(async (root) => {
      await runHeadless(root, ['-m', models.join(','), '--pick', 'demo/alpha', 'write a.txt: one\nwrite sub/b.txt: two']);
      await runHeadless(root, ['-c', '--pick', 'none', 'now say why']);
    });
    expect(Object.keys(fromCli)).toEqual(Object.keys(fromApp));
    expect(Object.keys(fromApp)).toEqual(expect.arrayContaining(['data/prompt_history.jsonl', 'data/recipes.json', 'project/a.txt', 'project/sub/b.txt']));
    expect(fromCli).toEqual(fromApp);
  });

  it('a blind run with a failed model, its one answer kept: the same files, "blind": true in both', async () => {
    const models = ['demo/alpha', 'demo/gamma'];
    const prompt = 'write c.txt: three\ngamma should fail';
    const fromApp = await throughApp(models, async (driver) => {
      await driver.submit('/blind');
      await driver.waitFor('Blind on');
      await driver.runPrompt(prompt);
      // the failed model cannot be picked: the one option is alpha, whatever its label
      await driver.submit('1');
      await driver.waitFor('Blind run revealed');
    });
    const fromCli = await throughCli(async (root) => {
      await runHeadless(root, ['-m', models.join(','), '--blind', '--pick', 'fastest', prompt]);
    });
    const metadata = Object.keys(fromApp).find((file) => file.endsWith('session_metadata.json'))!;
    expect(fromApp[metadata]).toContain('"blind":true');
    expect(fromApp[metadata]).toContain('"selected":"demo/alpha"');
    expect(fromCli).toEqual(fromApp);
  });
});

// Two processes on one data directory (two terminals, one project), as two real child processes:
// nothing either records is lost, and a session is held by one of them at a time.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChild } from './build-child.js';
import { StoreChild } from './store-child-process.js';
import { tempDir } from '../helpers/temp-dir.js';
import { dataLayout, loadPromptHistory, newSessionId, RecipeStore } from '../../store/index.js';

let buildDir = '';
let script = '';
const children: StoreChild[] = [];

beforeAll(async () => {
  // Not tempDir(): that one is emptied after each test, and the bundle serves them all.
  buildDir = await mkdtemp(join(tmpdir(), 'bakeoff-child-'));
  script = await buildChild('store-child', buildDir);
});

afterAll(async () => {
  await Promise.all(children.map((child) => child.kill()));
  await rm(buildDir, { recursive: true, force: true });
});

function start(dataDir: string): StoreChild {
  const child = StoreChild.start(script, dataDir);
  children.push(child);
  return child;
}

describe('two processes on one data directory', () => {
  it('both append prompts and put recipe snapshots at once: every one is kept, every line whole', async () => {
    const data = join(await tempDir(), 'data');
    const [first, second] = [start(data), start(data)];
    expect((await Promise.all([first.send({ cmd: 'open', session: newSessionId() }), second.send({ cmd: 'open', session: newSessionId() })])).map((r) => r.ok)).toEqual([true, true]);

    const [firstPrompts, secondPrompts, firstRecipes, secondRecipes] = await Promise.all([
      first.send({ cmd: 'prompts', prefix: 'first', count: 150 }),
      second.send({ cmd: 'prompts', prefix: 'second', count: 150 }),
      first.send({ cmd: 'recipes', prefix: 'first', count: 15 }),
      second.send({ cmd: 'recipes', prefix: 'second', count: 15 }),
    ]);
    expect([firstPrompts.ok, secondPrompts.ok, firstRecipes.ok, secondRecipes.ok]).toEqual([true, true, true, true]);

    const layout = dataLayout(data);
    const lines = (await readFile(layout.promptHistory, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(300);
    for (const line of lines) expect(JSON.parse(line)).toMatch(/^(first|second) \d+$/);
    // The two really wrote at the same time (otherwise this test would prove nothing).
    const switches = lines.filter((line, i) => i > 0 && line.slice(0, 3) !== lines[i - 1].slice(0, 3)).length;
    expect(switches).toBeGreaterThan(2);
    const history = await loadPromptHistory(layout.promptHistory);
    for (const prefix of ['first', 'second']) {
      // Each process's own prompts stay in the order it recorded them.
      expect(history.filter((p) => p.startsWith(prefix)).reverse()).toEqual(Array.from({ length: 150 }, (_, i) => `${prefix} ${i}`));
    }
    const stored = (await RecipeStore.open(layout.recipeStore)).list();
    for (const hash of [...firstRecipes.hashes!, ...secondRecipes.hashes!]) expect(stored[hash], hash).toBeDefined();
    expect(Object.keys(stored)).toHaveLength(30);
  });

  it('the second process to open a session is told which process holds it, may open it read-only, and gets it once the first closes', async () => {
    const data = join(await tempDir(), 'data');
    const session = newSessionId();
    const [holder, other] = [start(data), start(data)];
    expect((await holder.send({ cmd: 'open', session })).ok).toBe(true);
    await holder.send({ cmd: 'prompts', prefix: 'held', count: 3 });

    const refused = await other.send({ cmd: 'open', session });
    expect(refused).toMatchObject({ ok: false, error: 'SessionLockedError', holder: holder.pid });
    expect(refused.message).toContain(`session ${session} is open in process ${holder.pid}`);
    expect(refused.message).toContain('close it there first');

    expect(await other.send({ cmd: 'open', session, readOnly: true })).toMatchObject({ ok: true });
    const write = await other.send({ cmd: 'write' });
    expect(write).toMatchObject({ ok: false, error: 'ReadOnlySessionError' });
    expect(write.message).toContain(session);
    expect(await loadPromptHistory(dataLayout(data).promptHistory)).not.toContain('written by a read-only store');

    await holder.send({ cmd: 'close' });
    expect(await other.send({ cmd: 'open', session })).toMatchObject({ ok: true });
  });

  it('a session whose holder was killed (kill -9) is taken over at once', async () => {
    const data = join(await tempDir(), 'data');
    const session = newSessionId();
    const holder = start(data);
    await holder.send({ cmd: 'open', session });
    expect(await readdir(join(data, 'locks'))).toEqual([`${session}.lock`]);
    await holder.kill();
    const started = performance.now();
    expect(await start(data).send({ cmd: 'open', session })).toMatchObject({ ok: true });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('a process that exits without closing its store leaves no lock behind', async () => {
    const data = join(await tempDir(), 'data');
    const child = start(data);
    await child.send({ cmd: 'open', session: newSessionId() });
    expect(await readdir(join(data, 'locks'))).toHaveLength(1);
    expect(await child.exitWithoutClosing()).toBe(0);
    expect(await readdir(join(data, 'locks'))).toEqual([]);
  });
});

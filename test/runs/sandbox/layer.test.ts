// Each model's bash runs in real bubblewrap on a layer of its own: what it changes (by tool or by shell)
// is its proposal and nobody else's, the project is untouched, and protected paths stay out of reach.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bwrapPrerequisite, requireCommand } from '../../helpers/require-command.js';
import { harness, sampleProject, type Harness } from './harness.js';

const open: Harness[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((h) => h.files.finish()));
});
function model(...args: Parameters<typeof harness>): Harness {
  const made = harness(...args);
  open.push(made);
  return made;
}

beforeAll(() => requireCommand(bwrapPrerequisite));

describe('a layer per model', () => {
  it('keeps a bash write out of the project and makes it the proposal, with the earlier tool writes', async () => {
    const { root } = await sampleProject();
    const m = model(root, '');
    expect((await m.call('write_file', { path: 'notes.txt', content: 'from the tool\n' })).isError).toBe(false);
    const shell = await m.call('bash', { command: 'cat notes.txt && echo made > made.txt && echo changed > README.md && rm src/main.ts' });
    expect(shell.output).toBe('from the tool\n[exit code 0]');
    expect(existsSync(join(root, 'made.txt'))).toBe(false);
    expect(existsSync(join(root, 'notes.txt'))).toBe(false);
    expect(await readFile(join(root, 'README.md'), 'utf8')).toBe('hello\n');
    expect(existsSync(join(root, 'src', 'main.ts'))).toBe(true);
    expect((await m.call('read_file', { path: 'made.txt' })).output).toBe('made\n');
    expect(await m.files.finish()).toEqual([
      { path: 'src/main.ts', content: '', delete: true },
      { path: 'README.md', content: 'changed\n' },
      { path: 'made.txt', content: 'made\n', created: true },
      { path: 'notes.txt', content: 'from the tool\n', created: true },
    ]);
  });

  it('gives two models layers that do not see each other', async () => {
    const { root } = await sampleProject();
    const first = model(root, '');
    const second = model(root, '');
    await first.call('bash', { command: 'echo one > mine.txt' });
    expect((await second.call('bash', { command: 'cat mine.txt' })).output).toMatch(/No such file[\s\S]*\[exit code 1\]/);
    await second.call('write_file', { path: 'mine.txt', content: 'two' });
    expect((await first.call('bash', { command: 'cat mine.txt' })).output).toBe('one\n[exit code 0]');
  });

  it('shows tool writes made after the first bash call to the next one', async () => {
    const { root } = await sampleProject();
    const m = model(root, '');
    await m.call('bash', { command: 'true' });
    await m.call('write_file', { path: 'later.txt', content: 'later' });
    await m.call('delete_file', { path: 'README.md' });
    expect((await m.call('bash', { command: 'cat later.txt; ls' })).output).toBe('later' + 'data\nlater.txt\nsrc\n[exit code 0]');
    expect(m.files.writes().map((w) => w.path)).toEqual(['README.md', 'later.txt']);
  });
});

describe('the sandbox', () => {
  it('private /tmp: touch /tmp/x does not touch the real /tmp', async () => {
    const { root } = await sampleProject();
    const marker = `/tmp/bakeoff-sandbox-${process.pid}-${Date.now()}`;
    const result = await model(root, '').call('bash', { command: `touch ${marker} && ls ${marker}` });
    expect(result.output).toBe(`${marker}\n[exit code 0]`);
    expect(existsSync(marker)).toBe(false);
  });

  it('project_only: nothing outside the layer and /tmp is writable', async () => {
    const { root } = await sampleProject();
    // /var/tmp is writable on the host and outside the project and /tmp (the repository itself may be under /tmp,
    // as in CI's clone), so a write that got through would show there (and be removed)
    const outside = join('/var/tmp', `outside-sandbox-${process.pid}.txt`);
    const result = await model(root, '').call('bash', { command: `touch ${outside}` });
    const leaked = existsSync(outside);
    await rm(outside, { force: true });
    expect(result.output).toMatch(/Read-only file system[\s\S]*\[exit code 1\]/);
    expect(leaked).toBe(false);
  });

  it('read_only: not even the layer is writable (the recipe gives no bash then; the sandbox holds anyway)', async () => {
    const { root } = await sampleProject();
    const m = model(root, '', { policy: { filesystem: 'read_only', network: 'none' } });
    expect((await m.call('bash', { command: 'echo x > new.txt' })).output).toMatch(/Read-only file system[\s\S]*\[exit code [12]\]/);
    expect((await m.call('bash', { command: 'cat README.md' })).output).toBe('hello\n[exit code 0]');
    expect(await m.files.finish()).toEqual([]);
  });

  it('unrestricted: the machine is writable, the project still only through the layer', async () => {
    const { base, root } = await sampleProject();
    const m = model(root, '## Sandbox\nfilesystem: unrestricted');
    expect((await m.call('bash', { command: `touch ${join(base, 'outside.txt')} && echo x > inside.txt` })).output).toBe('[exit code 0]');
    expect(existsSync(join(base, 'outside.txt'))).toBe(true);
    expect(existsSync(join(root, 'inside.txt'))).toBe(false);
    expect((await m.files.finish()).map((w) => w.path)).toEqual(['inside.txt']);
  });

  it('gives bash an environment without provider keys or secrets', async () => {
    const { root } = await sampleProject();
    const result = await model(root, '').call('bash', { command: 'env' });
    expect(result.output).toContain('PATH=');
    for (const leaked of ['OPENAI_API_KEY', 'sk-test-secret', 'MY_SERVICE_TOKEN']) expect(result.output).not.toContain(leaked);
  });

  it('keeps .git read-only, .env* empty and the data directory hidden, and out of the proposal', async () => {
    const { root, dataDir } = await sampleProject();
    const m = model(root, '');
    const look = await m.call('bash', { command: 'cat .git/HEAD; cat .env; ls data; echo x > .git/HEAD; echo y > .env; touch data/new' });
    expect(look.output).toContain('ref: refs/heads/main');
    expect(look.output).not.toContain('PROJECT_ONLY_VALUE');
    expect(look.output).not.toContain('sessions');
    expect(look.output.match(/Read-only file system|Permission denied/g)?.length).toBe(4);
    expect(await readFile(join(root, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(existsSync(join(dataDir, 'new'))).toBe(false);
    expect(await m.files.finish()).toEqual([]);
  });
});

describe('the fallback: a private copy when bubblewrap is missing (forced by BAKEOFF_BWRAP)', () => {
  const noBwrap = (root: string) =>
    model(root, '', { allowUnconfined: true, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', BAKEOFF_BWRAP: '/nonexistent/bwrap', OPENAI_API_KEY: 'sk-test-secret' } });

  it('keeps a bash write out of the project and out of the other model, and proposes the diff', async () => {
    const { root } = await sampleProject();
    const first = noBwrap(root);
    const second = noBwrap(root);
    await first.call('write_file', { path: 'notes.txt', content: 'from the tool\n' });
    expect((await first.call('bash', { command: 'pwd; cat notes.txt; echo made > made.txt; echo changed > README.md; rm src/main.ts; env' })).output).not.toContain('sk-test-secret');
    expect((await second.call('bash', { command: 'cat made.txt' })).output).toMatch(/No such file/);
    expect(existsSync(join(root, 'made.txt'))).toBe(false);
    expect(await readFile(join(root, 'README.md'), 'utf8')).toBe('hello\n');
    expect(await first.files.finish()).toEqual([
      { path: 'src/main.ts', content: '', delete: true },
      { path: 'README.md', content: 'changed\n' },
      { path: 'made.txt', content: 'made\n', created: true },
      { path: 'notes.txt', content: 'from the tool\n', created: true },
    ]);
  });

  it('copies neither .env files nor the data directory', async () => {
    const { root } = await sampleProject();
    const result = await noBwrap(root).call('bash', { command: 'ls -a; cat .env' });
    expect(result.output).not.toContain('PROJECT_ONLY_VALUE');
    expect(result.output).not.toMatch(/^data$/m);
  });
});

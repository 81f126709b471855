// Session files in a data directory a repository shipped: a session_metadata.json (or content) that is a named
// pipe never hangs a command, one that is a link to a secret is never read, and no error quotes a file's text.
// Through the built binary.
import { execFileSync } from 'node:child_process';
import { readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const SECRET = 'SECRETTOKEN=abcdef0123456789';

async function sessionWith(name: string, plant: (path: string, secret: string) => Promise<void>) {
  const base = await tempDir('bakeoff-datafiles-');
  const data = join(base, 'data');
  const cli = (args: string[]) => runCli([...args, '-d', data], { cwd: base, env: { BAKEOFF_DEMO_DELAY_MS: '5' }, timeoutMs: 10_000 });
  expect((await cli(['run', 'hello', '-m', 'demo/alpha'])).code).toBe(0);
  const [id] = await readdir(join(data, 'sessions'));
  const secret = join(base, 'secret.txt');
  await writeFile(secret, `${SECRET}\n`);
  const path = join(data, 'sessions', id, name);
  await rm(path);
  await plant(path, secret);
  return { base, id, path, cli };
}

describe('a planted session file', () => {
  it.each([
    ['session_metadata.json', 'a named pipe', (path: string) => Promise.resolve(void execFileSync('mkfifo', [path])), 'not a regular file'],
    ['session_metadata.json', 'a link to a secret', (path: string, secret: string) => symlink(secret, path), 'it is a symbolic link, and bakeoff never reads a data file through one'],
    ['session_content.json', 'a link to a secret', (path: string, secret: string) => symlink(secret, path), 'it is a symbolic link, and bakeoff never reads a data file through one'],
  ])('%s as %s: sessions skips it and show (export for the content) refuses it, naming it, at once and without its text', async (name, _what, plant, reason) => {
    const { base, id, path, cli } = await sessionWith(name, plant);
    const listed = await cli(['sessions']);
    expect(listed.code).toBe(0);
    const shown = await cli(name === 'session_metadata.json' ? ['show', id] : ['export', id, '-o', join(base, 'report.md')]);
    expect(shown.code).toBe(1);
    expect(shown.stderrLines).toEqual([`bakeoff: ${path}: cannot read: ${reason}`]);
    if (name === 'session_metadata.json') expect(listed.stderr).toContain(`skipped session ${id}: ${path}: cannot read: ${reason}`);
    for (const output of [listed, shown]) expect(output.stdout + output.stderr).not.toContain('SECRET');
  });

  it('a file that is not JSON is named without quoting its text', async () => {
    const { id, path, cli } = await sessionWith('session_metadata.json', (target) => writeFile(target, `${SECRET} and more text`));
    const shown = await cli(['show', id]);
    expect(shown.stderrLines).toEqual([`bakeoff: ${path}: not valid JSON`]);
    expect(shown.code).toBe(1);
  });
});

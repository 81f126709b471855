// Rewind snapshots (data/sessions/<id>/snapshots/<sha256>) in a repository that ships its own data/: a blob
// that is a symbolic link (to /proc/self/environ, to a secret beside the repository), a named pipe, or a file
// whose bytes do not hash to its name is never read into a project file, never printed, never waited on; the
// rewind is refused with one line naming the blob and nothing is changed. And files come back byte for byte.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { lstat, mkdir, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

const sha = (bytes: string | Buffer) => createHash('sha256').update(bytes).digest('hex');
const SECRET_KEY = 'sk-test-hostile-blob-0123456789abcdef';
const env = { BAKEOFF_DEMO_DELAY_MS: '5', OPENAI_API_KEY: SECRET_KEY };

/** A cloned repository with README.md and a data/ holding one session (last active in 2099, so -c picks it); a secret beside it. */
async function clonedRepository() {
  const base = await tempDir('bakeoff-blobs-');
  const repo = join(base, 'repo');
  const secret = join(base, 'secret.txt');
  await mkdir(repo);
  await writeFile(secret, 'THE SECRET BESIDE THE REPO');
  await writeFile(join(repo, 'README.md'), '# the project\n');
  const data = join(repo, 'data');
  const cli = (args: string[], timeoutMs = 0) => runCli([...args, '-d', data], { cwd: repo, env, timeoutMs });
  const planted = await cli(['run', 'hello', '-m', 'demo/alpha']);
  expect(planted.code).toBe(0);
  const [id] = await readdir(join(data, 'sessions'));
  const sessionDir = join(data, 'sessions', id);
  const metadataPath = join(sessionDir, 'session_metadata.json');
  const metadata = JSON.parse(await readFile(metadataPath, 'utf8')) as { last_active_at: string };
  await writeFile(metadataPath, JSON.stringify({ ...metadata, last_active_at: '2099-01-01T00:00:00Z' }));
  await mkdir(join(sessionDir, 'snapshots'), { recursive: true });
  return { base, repo, secret, data, id, sessionDir, cli };
}

type Repo = Awaited<ReturnType<typeof clonedRepository>>;

/** A rewind.json whose one entry says run 1 created `<repo>/leak.txt` from the blob `before`. */
async function leakEntry(t: Repo, before: string): Promise<void> {
  const record = { feed_index: 0, prompt: 'hello', history_lengths: { 'demo/alpha': 0 }, project_root: t.repo, files: [{ path: join(t.repo, 'leak.txt'), before, after: null }] };
  await writeFile(join(t.sessionDir, 'rewind.json'), JSON.stringify({ version: 1, entries: [record] }));
}

describe('a planted snapshot blob', () => {
  it('a link named by the hash of README.md is not trusted by the next run: the rewind puts README.md back, not the environment', async () => {
    const t = await clonedRepository();
    const blob = join(t.sessionDir, 'snapshots', sha('# the project\n'));
    await symlink('/proc/self/environ', blob);
    const run = await t.cli(['run', '-c', 'write README.md: improved', '--pick', 'demo/alpha']);
    expect(run.code).toBe(0);
    expect(await readFile(join(t.repo, 'README.md'), 'utf8')).toBe('improved');
    const rewind = await t.cli(['rewind', t.id]);
    expect(rewind.stderr).toBe('');
    expect(rewind.code).toBe(0);
    const readme = await readFile(join(t.repo, 'README.md'), 'utf8');
    expect(readme).not.toContain(SECRET_KEY);
    expect(readme).toBe('# the project\n');
    // the link was replaced by the real content, not written through
    expect((await lstat(blob)).isFile()).toBe(true);
  });

  it.each([
    ['a symbolic link to a secret', async (t: Repo, blob: string) => symlink(t.secret, blob), /is refused \(it is a symbolic link\)/],
    ['a file whose bytes are not its hash', async (_t: Repo, blob: string) => writeFile(blob, 'THE SECRET BESIDE THE REPO'), /is refused \(its content does not match its hash\)/],
    ['a named pipe', async (_t: Repo, blob: string) => void execFileSync('mkfifo', [blob]), /is refused \(it is a named pipe, not a regular file\)/],
  ])('%s: --dry-run and rewind refuse it in one line naming it, print and write nothing of it, and never hang', async (_name, plant, reason) => {
    const t = await clonedRepository();
    const hash = sha('what the entry claims');
    const blob = join(t.sessionDir, 'snapshots', hash);
    await plant(t, blob);
    await leakEntry(t, hash);
    for (const args of [['rewind', t.id, '--dry-run'], ['rewind', t.id, '--force'], ['rewind', t.id, '--dry-run', '--json']]) {
      const result = await t.cli(args, 10_000);
      expect(result.stdout + result.stderr).not.toContain('THE SECRET');
      expect(result.stdout + result.stderr).not.toContain(SECRET_KEY);
      expect(result.stderrLines).toHaveLength(1);
      expect(result.stderr).toContain(blob);
      expect(result.stderr).toContain(join(t.repo, 'leak.txt'));
      expect(result.stderr).toMatch(reason);
      expect(result.code).toBe(1);
      expect(existsSync(join(t.repo, 'leak.txt'))).toBe(false);
    }
    // nothing half-applied: the run is not marked rewound, the entry is still there
    const show = await t.cli(['show', t.id]);
    expect(show.stdout).not.toContain('REWOUND');
  });
});

describe('a planted redo blob', () => {
  it('a named pipe where redo keeps a file is refused in one line naming it, at once; nothing is put back', async () => {
    const t = await clonedRepository();
    expect((await t.cli(['run', '-c', 'write notes.txt: from the run', '--pick', 'demo/alpha'])).code).toBe(0);
    expect((await t.cli(['rewind', t.id])).code).toBe(0);
    expect(existsSync(join(t.repo, 'notes.txt'))).toBe(false);
    const blob = join(t.sessionDir, 'snapshots', sha('from the run'));
    await rm(blob);
    execFileSync('mkfifo', [blob]);
    const redo = await t.cli(['redo', t.id], 10_000);
    expect(redo.stderrLines).toEqual([`bakeoff: ${blob}: the stored content of ${join(t.repo, 'notes.txt')} is refused (it is a named pipe, not a regular file); nothing was changed`]);
    expect(redo.code).toBe(1);
    expect(existsSync(join(t.repo, 'notes.txt'))).toBe(false);
  });
});

describe('binary files', () => {
  it('a rewind gives back a binary file byte for byte', async () => {
    const base = await tempDir('bakeoff-binary-');
    const data = join(base, 'data');
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x80, 0x81, 0xc3, 0x28, 0x0a]);
    await writeFile(join(base, 'bin.dat'), bytes);
    const cli = (args: string[]) => runCli([...args, '-d', data], { cwd: base, env });
    const run = await cli(['run', 'write bin.dat: text', '--pick', 'demo/alpha', '-m', 'demo/alpha']);
    expect(run.code).toBe(0);
    expect(await readFile(join(base, 'bin.dat'), 'utf8')).toBe('text');
    const [id] = await readdir(join(data, 'sessions'));
    const dry = await cli(['rewind', id, '--dry-run']);
    expect(dry.stdout).toContain(`binary file bin.dat: 4 bytes now, ${bytes.length} bytes after the rewind`);
    const rewind = await cli(['rewind', id]);
    expect(rewind.stderr).toBe('');
    expect(rewind.code).toBe(0);
    expect(await readFile(join(base, 'bin.dat'))).toEqual(bytes);
    // and a redo writes the new content back, then a second rewind the bytes again: no drift seen on a binary file
    expect((await cli(['redo', id])).code).toBe(0);
    expect(await readFile(join(base, 'bin.dat'), 'utf8')).toBe('text');
    const again = await cli(['rewind', id]);
    expect(again.stderr).toBe('');
    expect(await readFile(join(base, 'bin.dat'))).toEqual(bytes);
  });

});

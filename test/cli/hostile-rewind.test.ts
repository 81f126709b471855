// `bakeoff rewind` in a cloned repository that ships its own data/ with a crafted rewind.json: entries whose
// project_root or paths lie outside the project, whose blob names climb out of snapshots/, or that name
// .git/config, are refused (reported on stderr, never applied); nothing outside the project is written or read.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store, dataLayout, newSessionId, newSessionMetadata, sessionPathsFor } from '../../store/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { response } from '../helpers/store-fixture.js';
import { assertBuilt, runCli } from './run-cli.js';

beforeAll(assertBuilt);

/** A blob name that climbs out of snapshots/ to the secret (built, not written as a literal path). */
const climbOut = [...Array(5).fill('..'), 'outside', 'secret.txt'].join('/');

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A repository with data/ inside it holding one recorded run, and a secret beside the repository. */
async function clonedRepository() {
  const base = await tempDir('bakeoff-hostile-');
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  await mkdir(join(repo, '.git'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(repo, '.git', 'config'), '[core]\n');
  await writeFile(join(outside, 'secret.txt'), 'THE SECRET');
  const data = join(repo, 'data');
  const layout = dataLayout(data);
  const id = newSessionId();
  const store = await Store.open({ promptHistPath: layout.promptHistory, sessionPaths: sessionPathsFor(layout.sessions, id), sessionId: id, meta: newSessionMetadata(id, ['a']), projectRoot: repo });
  const [historyLengths] = await Promise.all([store.appendHistories(['a'], [response('a')], 'p'), store.persistRunState('p', [response('a')], null, [])]);
  await store.pushRewindEntry({ historyLengths, feedIndex: 0, prompt: 'p' });
  await store.close();
  const sessionDir = join(layout.sessions, id);
  await mkdir(join(sessionDir, 'snapshots'), { recursive: true });
  await writeFile(join(sessionDir, 'snapshots', sha('PLANTED')), 'PLANTED');
  return { base, repo, outside, data, id, sessionDir };
}

const attacks: [string, (t: Awaited<ReturnType<typeof clonedRepository>>) => Record<string, unknown>, RegExp][] = [
  ['a project_root outside the project', (t) => ({ project_root: t.outside, files: [{ path: join(t.outside, 'planted.txt'), before: sha('PLANTED'), after: null }] }), /project_root .* is outside the project/],
  ['a path outside its project_root', (t) => ({ project_root: t.repo, files: [{ path: join(t.outside, 'planted.txt'), before: sha('PLANTED'), after: null }] }), /is outside its project_root/],
  ['a path that climbs out', (t) => ({ project_root: t.repo, files: [{ path: `${t.repo}/../outside/planted.txt`, before: sha('PLANTED'), after: null }] }), /not a normalized absolute path/],
  ['a blob name that climbs out of snapshots/', (t) => ({ project_root: t.repo, files: [{ path: join(t.repo, 'copied.txt'), before: climbOut, after: null }] }), /not a sha256 hex blob name/],
  ['a write to .git/config', (t) => ({ project_root: t.repo, files: [{ path: join(t.repo, '.git', 'config'), before: sha('PLANTED'), after: null }] }), /\.git directories are protected/],
];

describe('a crafted rewind.json', () => {
  it.each(attacks)('%s is refused and reported; nothing is written', async (_name, entry, reason) => {
    const t = await clonedRepository();
    const record = { feed_index: 0, prompt: 'p', history_lengths: { a: 0 }, ...entry(t) };
    await writeFile(join(t.sessionDir, 'rewind.json'), JSON.stringify({ version: 1, entries: [record] }));
    const result = await runCli(['rewind', t.id, '--force', '-d', t.data], { cwd: t.repo });
    expect(result.stderr).toMatch(/rewind\.json: entry 1 refused \(never applied\)/);
    expect(result.stderr).toMatch(reason);
    expect(result.stderr + result.stdout).toContain('nothing to undo');
    expect(result.code).toBe(1);
    expect(existsSync(join(t.outside, 'planted.txt'))).toBe(false);
    expect(existsSync(join(t.repo, 'copied.txt'))).toBe(false);
    expect(await readFile(join(t.repo, '.git', 'config'), 'utf8')).toBe('[core]\n');
  });

  it('an entry inside the project is still undone', async () => {
    const t = await clonedRepository();
    await writeFile(join(t.repo, 'kept.txt'), 'now');
    const record = { feed_index: 0, prompt: 'p', history_lengths: { a: 0 }, project_root: t.repo, files: [{ path: join(t.repo, 'kept.txt'), before: sha('PLANTED'), after: sha('now') }] };
    await writeFile(join(t.sessionDir, 'rewind.json'), JSON.stringify({ version: 1, entries: [record] }));
    const result = await runCli(['rewind', t.id, '-d', t.data], { cwd: t.repo });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(await readFile(join(t.repo, 'kept.txt'), 'utf8')).toBe('PLANTED');
  });
});

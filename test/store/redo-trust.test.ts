// A redo.json shipped by a hostile repository (its data/ inside the project) names files outside the project
// or under .git: such an entry is dropped when the session opens, so `/redo` and `bakeoff redo` never write there.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RedoStack } from '../../store/redo-stack.js';
import { tempDir } from '../helpers/temp-dir.js';

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function hostileSession() {
  const base = await tempDir('bakeoff-redo-trust-');
  const repo = join(base, 'repo');
  const outside = join(base, 'outside');
  const dataDir = join(repo, 'data');
  const sessionDir = join(dataDir, 'sessions', 'ses_x');
  await mkdir(sessionDir, { recursive: true });
  await mkdir(join(repo, '.git'));
  await mkdir(outside);
  return { repo, outside, dataDir, sessionDir };
}

function entry(root: string, path: string) {
  return {
    rewound_at: '2026-12-01T00:00:00Z',
    mode: 'code',
    records: [],
    files: [{ path, root, before: sha('PLANTED'), after: null }],
    metadata_before: sha('m'),
    metadata_after: sha('m2'),
    history_order: [],
    removed_turns: {},
  };
}

describe('a crafted redo.json', () => {
  it.each([
    ['a root outside the project', (t: Awaited<ReturnType<typeof hostileSession>>) => entry(t.outside, join(t.outside, 'planted.txt'))],
    ['a path outside its root', (t: Awaited<ReturnType<typeof hostileSession>>) => entry(t.repo, join(t.outside, 'planted.txt'))],
    ['a write to .git/config', (t: Awaited<ReturnType<typeof hostileSession>>) => entry(t.repo, join(t.repo, '.git', 'config'))],
  ])('%s is dropped at open; a plain entry is kept', async (_name, hostile) => {
    const t = await hostileSession();
    const plain = entry(t.repo, join(t.repo, 'a.txt'));
    await writeFile(join(t.sessionDir, 'redo.json'), JSON.stringify({ version: 1, entries: [plain, hostile(t)] }));
    const stack = await RedoStack.open(t.sessionDir, { projectRoot: t.repo, dataDir: t.dataDir });
    expect(stack.length).toBe(1);
    expect(stack.top()?.files[0]?.path).toBe(join(t.repo, 'a.txt'));
  });
});

import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { statsAcrossSessions, statsCachePath } from '../../store/stats.js';
import { loadMetadata, saveMetadata } from '../../store/session-files.js';
import { copyErrataFixture } from '../helpers/fixtures.js';

const A = 'ses_01950000-0000-7000-8000-00000000000a';
const GO_REVIEW = 'rcp_v1_84ace6dd121b4650e1a18e52e7cdf3f0c7d6f4e51a97068250cb76b29aff13c4';

async function fixture() {
  const data = await copyErrataFixture();
  const sessions = join(data, 'sessions');
  return { sessions, cache: statsCachePath(sessions) };
}

describe('the stats cache', () => {
  it('gives the same stats as reading every file, for every filter, and is written beside sessions/', async () => {
    const { sessions, cache } = await fixture();
    const cold = await statsAcrossSessions(sessions);
    expect(JSON.parse(await readFile(cache, 'utf8')).version).toBe(3);
    const warm = await statsAcrossSessions(sessions);
    expect(warm).toEqual(cold);
    expect(await statsAcrossSessions(sessions, { configHashes: [GO_REVIEW] })).toEqual(await statsAcrossSessions(sessions, { configHash: GO_REVIEW }));
    expect(Object.keys((await statsAcrossSessions(sessions, { configHash: GO_REVIEW })).models).sort()).toEqual(['claude-sonnet-4-6', 'gpt-4.1']);
    expect((await statsAcrossSessions(sessions, { configHashes: [] })).models).toEqual({});
  });

  it('is trusted while a session file is unchanged, and read again as soon as it changes', async () => {
    const { sessions, cache } = await fixture();
    await statsAcrossSessions(sessions);
    const written = JSON.parse(await readFile(cache, 'utf8'));
    written.sessions[A].groups[GO_REVIEW].sums['gpt-4.1'].wins = 99;
    await writeFile(cache, JSON.stringify(written));
    expect((await statsAcrossSessions(sessions)).models['gpt-4.1'].wins).toBe(99);
    const path = join(sessions, A, 'session_metadata.json');
    await saveMetadata(path, (await loadMetadata(path))!);
    expect((await statsAcrossSessions(sessions)).models['gpt-4.1'].wins).toBe(0);
  });

  it('a cache that does not parse is rebuilt; a session that is gone is forgotten', async () => {
    const { sessions, cache } = await fixture();
    await writeFile(cache, '{"version": 1, "sessions": {');
    const stats = await statsAcrossSessions(sessions);
    expect(stats.models['claude-sonnet-4-6'].wins).toBe(2);
    expect(Object.keys(JSON.parse(await readFile(cache, 'utf8')).sessions).sort()).toEqual([A, 'ses_01950000-0000-7000-8000-00000000000b']);
    await rm(join(sessions, A), { recursive: true });
    await statsAcrossSessions(sessions);
    expect(Object.keys(JSON.parse(await readFile(cache, 'utf8')).sessions)).toEqual(['ses_01950000-0000-7000-8000-00000000000b']);
  });

  it('an unreadable session is reported every time, never cached', async () => {
    const { sessions } = await fixture();
    expect((await statsAcrossSessions(sessions)).skipped.map((s) => s.id)).toEqual(['ses_01950000-0000-7000-8000-0000000000cc']);
    expect((await statsAcrossSessions(sessions)).skipped.map((s) => s.id)).toEqual(['ses_01950000-0000-7000-8000-0000000000cc']);
  });
});

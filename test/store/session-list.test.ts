import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { latestSessionId, listSessions, readSessions } from '../../store/session-list.js';
import { saveMetadata, newSessionMetadata } from '../../store/session-files.js';
import { copyErrataFixture, fixtureRoot } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';
import { readFileSync } from 'node:fs';

const expected = JSON.parse(readFileSync(join(fixtureRoot, 'expected.json'), 'utf8')) as { session_order: string[]; corrupt: string[] };

describe('listing sessions', () => {
  it('orders the fixture newest first and says which session it skipped', async () => {
    const data = await copyErrataFixture();
    const skipped: string[] = [];
    const sessions = await listSessions(join(data, 'sessions'), ({ id }) => skipped.push(id));
    expect(sessions.map((s) => s.id)).toEqual(expected.session_order);
    expect(skipped).toEqual(expected.corrupt);
    expect(await latestSessionId(join(data, 'sessions'), () => undefined)).toBe(expected.session_order[0]);
  });

  it('orders by the instant, not the text, of timestamps written with different offsets', async () => {
    const sessions = await tempDir();
    await saveMetadata(join(sessions, 'ses_1', 'session_metadata.json'), { ...newSessionMetadata('ses_1'), last_active_at: '2026-03-10T09:00:00-04:00' });
    await saveMetadata(join(sessions, 'ses_2', 'session_metadata.json'), { ...newSessionMetadata('ses_2'), last_active_at: '2026-03-10T12:30:00Z' });
    expect((await listSessions(sessions)).map((s) => s.id)).toEqual(['ses_1', 'ses_2']);
  });

  it('skips a directory without metadata and one whose metadata names another session', async () => {
    const sessions = await tempDir();
    await mkdir(join(sessions, 'ses_empty'));
    await mkdir(join(sessions, 'ses_other'));
    await writeFile(join(sessions, 'ses_other', 'session_metadata.json'), JSON.stringify(newSessionMetadata('ses_elsewhere')));
    const { sessions: found, skipped } = await readSessions(sessions);
    expect(found).toEqual([]);
    expect(skipped.map((s) => s.id)).toEqual(['ses_empty', 'ses_other']);
  });

  it('a missing sessions directory has no sessions; latestSessionId says so', async () => {
    const dir = join(await tempDir(), 'sessions');
    expect(await listSessions(dir)).toEqual([]);
    await expect(latestSessionId(dir)).rejects.toThrow(`no sessions in ${dir}`);
  });
});

// A session is held by one Store at a time: data/locks/<id>.lock names the holder; a dead holder's lock
// is taken over; the lock never shows in sessions/ (listings, Errata).
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Store } from '../../store/store.js';
import { SessionLockedError, sessionLockPath } from '../../store/session-lock.js';
import { currentProcessIdentity } from '../../store/process-liveness.js';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { loadMetadata, newSessionMetadata } from '../../store/session-files.js';
import { readSessions } from '../../store/session-list.js';
import type { StoreOptions } from '../../store/types.js';
import { tempDir } from '../helpers/temp-dir.js';

async function openSession(data: string, id: string, extra: Partial<StoreOptions> = {}): Promise<Store> {
  const layout = dataLayout(data);
  const paths = sessionPathsFor(layout.sessions, id);
  const meta = extra.meta ?? (await loadMetadata(paths.metadataPath)) ?? newSessionMetadata(id);
  return Store.open({ promptHistPath: layout.promptHistory, sessionPaths: paths, sessionId: id, meta, ...extra });
}

async function plantLock(data: string, id: string, owner: Record<string, unknown>): Promise<string> {
  const path = sessionLockPath(sessionPathsFor(dataLayout(data).sessions, id).dir);
  await mkdir(join(data, 'locks'), { recursive: true });
  await writeFile(path, JSON.stringify({ since: '2026-01-01T00:00:00.000Z', token: 'planted', ...owner }));
  return path;
}

const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid;

describe('session lock', () => {
  it('a second open of a held session is refused with the holder’s pid and time; after close it opens', async () => {
    const data = await tempDir();
    const id = newSessionId();
    const first = await openSession(data, id);
    const refused = await openSession(data, id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SessionLockedError);
    const locked = refused as SessionLockedError;
    expect(locked.pid).toBe(process.pid);
    expect(locked.message).toMatch(new RegExp(`^session ${id} is open in process ${process.pid} \\(since \\d{4}-.*\\); close it there first \\(bakeoff show ${id} reads it meanwhile\\)$`));
    await first.close();
    await (await openSession(data, id)).close();
  });

  it('lives in data/locks: opening a new session creates nothing in sessions/, closing removes the lock', async () => {
    const data = await tempDir();
    const id = newSessionId();
    const store = await openSession(data, id);
    expect(JSON.parse(await readFile(join(data, 'locks', `${id}.lock`), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(await readdir(data)).toEqual(['locks']);
    expect(await readSessions(dataLayout(data).sessions)).toEqual({ sessions: [], skipped: [] });
    await store.saveInitialMeta();
    expect((await readSessions(dataLayout(data).sessions)).sessions.map((s) => s.id)).toEqual([id]);
    await store.close();
    expect(await readdir(join(data, 'locks'))).toEqual([]);
  });

  it('the lock of a process that has ended is taken over at once', async () => {
    const data = await tempDir();
    const id = newSessionId();
    await plantLock(data, id, { pid: deadPid(), hostname: hostname() });
    const store = await openSession(data, id);
    expect(JSON.parse(await readFile(join(data, 'locks', `${id}.lock`), 'utf8')).pid).toBe(process.pid);
    await store.close();
  });

  it.runIf(currentProcessIdentity().process_start !== undefined)('a pid now used by another process, or from before a reboot, does not hold the lock', async () => {
    const data = await tempDir();
    const me = currentProcessIdentity();
    const reused = newSessionId();
    await plantLock(data, reused, { ...me, process_start: String(Number(me.process_start) - 1) });
    await (await openSession(data, reused)).close();
    const rebooted = newSessionId();
    await plantLock(data, rebooted, { ...me, boot_id: 'another-boot' });
    await (await openSession(data, rebooted)).close();
  });

  it('a lock held on another host is respected, and the message says which file to delete if that process is gone', async () => {
    const data = await tempDir();
    const id = newSessionId();
    const path = await plantLock(data, id, { pid: 4242, hostname: 'elsewhere.example' });
    const refused = (await openSession(data, id).catch((error: unknown) => error)) as SessionLockedError;
    expect(refused).toBeInstanceOf(SessionLockedError);
    expect(refused.message).toContain(`session ${id} is open in process 4242 on elsewhere.example`);
    expect(refused.message).toContain(`if that process is gone, delete ${path}`);
    expect(await readFile(path, 'utf8')).toContain('elsewhere.example');
  });

  it('a lock file that is not a lock (empty, torn) is taken over', async () => {
    const data = await tempDir();
    const id = newSessionId();
    await mkdir(join(data, 'locks'), { recursive: true });
    await writeFile(join(data, 'locks', `${id}.lock`), '');
    await writeFile(join(data, 'locks', `${id}.lock.12345.tmp`), '{"pid":');
    const store = await openSession(data, id);
    expect(await readdir(join(data, 'locks'))).toEqual([`${id}.lock`]);
    await store.close();
  });

  it('an open that fails after taking the lock gives it back', async () => {
    const data = await tempDir();
    const id = newSessionId();
    const paths = sessionPathsFor(dataLayout(data).sessions, id);
    await mkdir(paths.dir, { recursive: true });
    await writeFile(paths.metadataPath, '{"id": "torn');
    await expect(openSession(data, id, { meta: newSessionMetadata(id) })).rejects.toThrow(paths.metadataPath);
    expect(await readdir(join(data, 'locks'))).toEqual([]);
  });

  it('two stores racing for one session: exactly one gets it', async () => {
    const data = await tempDir();
    const id = newSessionId();
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => openSession(data, id)));
    const opened = outcomes.filter((o): o is PromiseFulfilledResult<Store> => o.status === 'fulfilled');
    expect(opened).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(SessionLockedError);
    await opened[0].value.close();
  });
});

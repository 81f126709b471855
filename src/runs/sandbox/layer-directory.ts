// The temporary directory a layer lives in, named bakeoff-layer-* in the system's temporary directory and
// marked with the process that made it (owner.json). A bakeoff that was killed (kill -9, a power cut on a
// tmpfs-less /tmp) cannot remove its layers, so the first layer a later bakeoff makes sweeps the ones
// whose owner is gone for sure: only directories (never a link), only this user's, only with a readable
// owner.json naming a dead process on this host.
import { lstat, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { currentProcessIdentity, isProcessGone, type ProcessIdentity } from '../../../store/process-liveness.js';

const PREFIX = 'bakeoff-layer-';
const OWNER_FILE = 'owner.json';

let swept = false;

/** A new layer directory, owned by this process; the first call also sweeps abandoned ones (not awaited). */
export async function makeLayerDirectory(): Promise<string> {
  const tmp = os.tmpdir();
  if (!swept) {
    swept = true;
    void sweepAbandonedLayers(tmp).catch(() => undefined);
  }
  const dir = await mkdtemp(path.join(tmp, PREFIX));
  await writeFile(path.join(dir, OWNER_FILE), JSON.stringify(currentProcessIdentity()), { mode: 0o600, flag: 'wx' });
  return dir;
}

/** Removes the layer directories in `tmp` whose owner has ended; returns their names. */
export async function sweepAbandonedLayers(tmp: string): Promise<string[]> {
  const removed: string[] = [];
  const uid = process.getuid?.();
  for (const name of await readdir(tmp)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(tmp, name);
    const info = await lstat(dir).catch(() => undefined);
    if (!info?.isDirectory() || (uid !== undefined && info.uid !== uid)) continue;
    const owner = await readOwner(path.join(dir, OWNER_FILE));
    if (owner === undefined || !isProcessGone(owner)) continue;
    await rm(dir, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

async function readOwner(file: string): Promise<ProcessIdentity | undefined> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile() || info.size > 4096) return undefined;
  try {
    const value = JSON.parse(await readFile(file, 'utf8')) as Partial<ProcessIdentity>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0 || typeof value.hostname !== 'string') return undefined;
    return {
      pid: value.pid,
      hostname: value.hostname,
      process_start: typeof value.process_start === 'string' ? value.process_start : undefined,
      boot_id: typeof value.boot_id === 'string' ? value.boot_id : undefined,
    };
  } catch {
    return undefined;
  }
}

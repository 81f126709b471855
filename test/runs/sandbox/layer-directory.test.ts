// Layers a killed bakeoff left in the temporary directory are swept by the next one: only directories
// marked with an owner that has ended, never a link, never one without a readable owner.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeLayerDirectory, sweepAbandonedLayers } from '../../../src/runs/sandbox/layer-directory.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A pid that belonged to a process which has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function layerDir(tmp: string, name: string, owner: unknown): Promise<string> {
  const dir = join(tmp, name);
  await mkdir(join(dir, 'upper', 'src'), { recursive: true });
  await writeFile(join(dir, 'upper', 'src', 'made.txt'), 'a model wrote this\n');
  if (owner !== undefined) await writeFile(join(dir, 'owner.json'), typeof owner === 'string' ? owner : JSON.stringify(owner));
  return dir;
}

describe('abandoned layers', () => {
  it('are removed when their owner has ended, and nothing else is', async () => {
    const tmp = await tempDir('bakeoff-sweep-');
    const elsewhere = await tempDir('bakeoff-sweep-target-');
    const dead = { pid: deadPid(), hostname: hostname() };
    await layerDir(tmp, 'bakeoff-layer-dead', dead);
    await layerDir(tmp, 'bakeoff-layer-live', { pid: process.pid, hostname: hostname() });
    await layerDir(tmp, 'bakeoff-layer-other-host', { pid: dead.pid, hostname: `${hostname()}-not` });
    await layerDir(tmp, 'bakeoff-layer-unmarked', undefined);
    await layerDir(tmp, 'bakeoff-layer-garbled', '{"pid": "1; rm -rf /"');
    await layerDir(tmp, 'someone-else-dead', dead);
    // a link named like a layer, to a directory marked as a dead layer: neither the link nor its target goes
    const target = await layerDir(elsewhere, 'victim', dead);
    await symlink(target, join(tmp, 'bakeoff-layer-link'));

    expect(await sweepAbandonedLayers(tmp)).toEqual(['bakeoff-layer-dead']);
    expect(existsSync(join(tmp, 'bakeoff-layer-dead'))).toBe(false);
    for (const kept of ['bakeoff-layer-live', 'bakeoff-layer-other-host', 'bakeoff-layer-unmarked', 'bakeoff-layer-garbled', 'someone-else-dead', 'bakeoff-layer-link']) {
      expect(existsSync(join(tmp, kept)), kept).toBe(true);
    }
    expect(await readFile(join(target, 'upper', 'src', 'made.txt'), 'utf8')).toBe('a model wrote this\n');
  });

  it('are marked with this process, so a later bakeoff can tell', async () => {
    const tmp = await tempDir('bakeoff-sweep-own-');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const dir = await makeLayerDirectory();
      expect(dir.startsWith(join(tmp, 'bakeoff-layer-'))).toBe(true);
      expect(JSON.parse(await readFile(join(dir, 'owner.json'), 'utf8'))).toMatchObject({ pid: process.pid, hostname: hostname() });
      expect(await sweepAbandonedLayers(tmp)).toEqual([]);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});

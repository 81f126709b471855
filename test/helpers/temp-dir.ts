// Every test works in its own temp directory; fixtures are copied there before anything writes.
import { chmod, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5 })));
});

export async function tempDir(prefix = 'bakeoff-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export const fixtureRoot = new URL('../../../shared/fixtures/errata-data/', import.meta.url).pathname;

/** A writable copy of the Errata fixture's data directory; returns the copy's data dir. */
export async function copyErrataFixture(): Promise<string> {
  const dir = await tempDir('bakeoff-fixture-');
  const data = join(dir, 'data');
  await cp(join(fixtureRoot, 'data'), data, { recursive: true });
  await makeWritable(data);
  return data;
}

async function makeWritable(path: string): Promise<void> {
  await chmod(path, 0o755);
  for (const entry of await readdir(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory()) await makeWritable(child);
    else await chmod(child, 0o644);
  }
}

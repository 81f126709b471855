// Every test works in its own temp directory, removed after the test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 5 })));
});

/** `under`: where to make it (the system's temp directory unless given; the sandbox hides that one). */
export async function tempDir(prefix = 'bakeoff-test-', under = tmpdir()): Promise<string> {
  const dir = await mkdtemp(join(under, prefix));
  created.push(dir);
  return dir;
}

// The Errata-written data directories the tests read, kept in the repository (test/fixtures/): no test
// reads anything outside it. Each fixture is `data/` as Errata wrote it plus the `expected.json` its
// code computed.
import { chmod, cp, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

/** errata-data: the seed's fixture; errata-head-data and errata-4b0b74b-data: written by those Errata versions. */
export type FixtureName = 'errata-data' | 'errata-head-data' | 'errata-4b0b74b-data';

const fixturesDir = new URL('../fixtures/', import.meta.url).pathname;

/** The fixture's own directory (read only: copy it before anything writes). */
export function fixtureDir(name: FixtureName = 'errata-data'): string {
  return join(fixturesDir, name);
}

/** The seed fixture's directory, the one most tests read. */
export const fixtureRoot = fixtureDir('errata-data');

/** The fixture's expected.json, parsed. */
export function fixtureExpected<T = unknown>(name: FixtureName = 'errata-data'): T {
  return JSON.parse(readFileSync(join(fixtureDir(name), 'expected.json'), 'utf8')) as T;
}

/** A writable copy of a fixture's data directory in a fresh temp dir; returns the copy's data dir. */
export async function copyErrataFixture(name: FixtureName = 'errata-data'): Promise<string> {
  const dir = await tempDir('bakeoff-fixture-');
  const data = join(dir, 'data');
  await cp(join(fixtureDir(name), 'data'), data, { recursive: true });
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

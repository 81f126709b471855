// A file that cannot be used is never overwritten or deleted: it is renamed aside, bytes intact.
import { rename } from 'node:fs/promises';

/** Renames `path` to `<path>.corrupt-<timestamp>` and returns the new path. */
export async function moveAside(path: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = `${path}.corrupt-${stamp}`;
  await rename(path, aside);
  return aside;
}

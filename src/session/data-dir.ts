// The data directory named by --data-dir / BAKEOFF_DATA_DIR: made absolute, and refused when it is not a directory.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** A missing directory is fine (it is created by the first write); a file in its place is not. */
export async function resolveDataDir(dir: string): Promise<string> {
  const root = resolve(dir);
  const info = await stat(root).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw new Error(`cannot use data directory ${root}: ${error.message}`);
  });
  if (info && !info.isDirectory()) throw new Error(`data directory ${root} is a file, not a directory`);
  return root;
}

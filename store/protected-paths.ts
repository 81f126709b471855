// Paths no model may read, list or change, even inside the project: the data directory (every prompt,
// session and recipe), every `.git` (a config line there runs code on the next `git status`) and
// `.env` / `.env.*` (keys). Checked on canonical paths, so a link inside the project does not hide them.
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { isWithin } from './project-path.js';

/** Case-insensitive: on macOS `.GIT/config` is `.git/config`. */
const gitDirectory = /^\.git$/i;
const envFile = /^\.env(\..*)?$/i;

/**
 * Why `absolute` (canonical, as resolveProjectPath returns it) is protected, or null. `dataDirs` are
 * canonical; only the part of the path below `realRoot` is matched against `.git` and `.env`.
 */
export function protectedPathRule(realRoot: string, absolute: string, dataDirs: readonly string[]): string | null {
  const dataDir = dataDirs.find((dir) => isWithin(dir, absolute));
  if (dataDir !== undefined) return `it is in bakeoff's data directory ${dataDir}, which models may not read or change`;
  if (!isWithin(realRoot, absolute)) return null;
  const components = path.relative(realRoot, absolute).split(path.sep);
  if (components.some((part) => gitDirectory.test(part))) return '.git directories are protected: models may not read or change them';
  if (components.some((part) => envFile.test(part))) return '.env files are protected (they hold keys): models may not read or change them';
  return null;
}

/** The canonical form of a path that may not exist yet: its longest existing ancestor resolved, the rest appended. */
export async function canonicalPath(wanted: string): Promise<string> {
  const absolute = path.resolve(wanted);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return path.join(await realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

// The protected paths (store/protected-paths.ts: the data directory, `.git`, `.env` / `.env.*`) inside
// the sandbox: the project's `.git` is read-only, every `.env` file reads as empty, the data directory
// is an empty read-only directory; and none of them is ever part of a proposal.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { canonicalPath, isWithin, protectedPathRule } from '../../../store/index.js';
import type { IsProtected } from './layer-diff.js';

export interface Protections {
  readOnly: string[];
  hiddenFiles: string[];
  hiddenDirs: string[];
  isProtected: IsProtected;
}

/** `projectRoot` is the real path; `dataDirs` are hidden wherever they are. */
export async function protectionsFor(projectRoot: string, dataDirs: readonly string[]): Promise<Protections> {
  const git = path.join(projectRoot, '.git');
  const envFiles = await glob(['**/.env', '**/.env.*'], {
    cwd: projectRoot,
    dot: true,
    onlyFiles: true,
    followSymbolicLinks: false,
    caseSensitiveMatch: false,
    ignore: ['**/node_modules/**', '**/.git/**'],
    absolute: true,
  });
  const dirs = await Promise.all(dataDirs.map((dir) => canonicalPath(dir)));
  return {
    readOnly: existsSync(git) ? [git] : [],
    hiddenFiles: envFiles.map((file) => path.normalize(file)),
    // a data directory that holds the project cannot be hidden without hiding the project too
    hiddenDirs: dirs.filter((dir) => existsSync(dir) && !isWithin(dir, projectRoot)),
    isProtected: (relative) => protectedPathRule(projectRoot, path.join(projectRoot, relative), dirs) !== null,
  };
}

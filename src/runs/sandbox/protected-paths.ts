// The protected paths (store/protected-paths.ts: the data directory, `.git`, `.env` / `.env.*`) inside
// the sandbox: the project's `.git` is read-only, every `.env` file reads as empty, the data directory
// is an empty read-only directory; and none of them is ever part of a proposal. The credentials of the
// home directory (home-secrets.ts) are hidden the same way.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { canonicalPath, isWithin, protectedPathRule } from '../../../store/index.js';
import type { IsProtected } from './layer-diff.js';
import { homeSecrets } from './home-secrets.js';

export interface Protections {
  readOnly: string[];
  hiddenFiles: string[];
  hiddenDirs: string[];
  isProtected: IsProtected;
}

/** `projectRoot` is the real path; `dataDirs` are hidden wherever they are; `env` is bash's (its HOME). */
export async function protectionsFor(projectRoot: string, dataDirs: readonly string[], env: NodeJS.ProcessEnv): Promise<Protections> {
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
  const [dirs, secrets] = await Promise.all([Promise.all(dataDirs.map((dir) => canonicalPath(dir))), homeSecrets(env, projectRoot)]);
  return {
    readOnly: existsSync(git) ? [git] : [],
    hiddenFiles: [...envFiles.map((file) => path.normalize(file)), ...secrets.files],
    // a data directory that holds the project cannot be hidden without hiding the project too
    hiddenDirs: [...dirs.filter((dir) => existsSync(dir) && !isWithin(dir, projectRoot)), ...secrets.dirs],
    isProtected: (relative) => protectedPathRule(projectRoot, path.join(projectRoot, relative), dirs) !== null,
  };
}

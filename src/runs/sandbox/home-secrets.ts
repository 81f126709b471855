// What bash must not read even though the rest of the machine is mounted read-only for it: the
// credentials and shell histories people keep in their home directory. A model that reads ~/.ssh/id_rsa or
// ~/.aws/credentials sends it to its provider with the command's output; inside the sandbox these read as
// empty (a directory) or as /dev/null (a file). Only what exists is covered, each by its real path.
import { realpath, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isWithin } from '../../../store/index.js';

/** Directories below a home that hold keys, tokens or sessions. */
const secretDirs = [
  '.ssh',
  '.gnupg',
  '.aws',
  '.azure',
  '.kube',
  '.docker',
  '.oci',
  '.password-store',
  '.terraform.d',
  '.config/gcloud',
  '.config/gh',
  '.config/op',
  '.local/share/keyrings',
  '.mozilla',
  '.config/google-chrome',
  '.config/chromium',
];

/** Files below a home that hold passwords, tokens or what was typed. */
const secretFiles = [
  '.netrc',
  '.npmrc',
  '.pypirc',
  '.pgpass',
  '.git-credentials',
  '.vault-token',
  '.s3cfg',
  '.boto',
  '.gem/credentials',
  '.cargo/credentials',
  '.cargo/credentials.toml',
  '.config/hub',
  '.bash_history',
  '.zsh_history',
  '.python_history',
  '.node_repl_history',
  '.psql_history',
  '.mysql_history',
  '.lesshst',
];

/** The account's own home from the password database (os.homedir() is $HOME, which may point elsewhere). */
function accountHome(): string | undefined {
  try {
    return os.userInfo().homedir;
  } catch {
    return undefined;
  }
}

export interface HomeSecrets {
  dirs: string[];
  files: string[];
}

/** The real path of what `candidate` names, if it is a directory (`dir`) or a regular file (`file`). */
async function realKind(candidate: string): Promise<{ real: string; kind: 'dir' | 'file' } | null> {
  // a missing path or a dangling link has no real path
  const real = await realpath(candidate).catch(() => null);
  const info = real === null ? null : await stat(real).catch(() => null);
  if (real === null || info === null) return null;
  if (info.isDirectory()) return { real, kind: 'dir' };
  return info.isFile() ? { real, kind: 'file' } : null;
}

/**
 * The secrets of the homes bash may know (its `HOME` and the user's own), by real path. One that holds the
 * project or lies inside it is left alone: the project's own protections cover what is in it.
 */
export async function homeSecrets(env: NodeJS.ProcessEnv, projectRoot: string): Promise<HomeSecrets> {
  const homes = [...new Set([env.HOME, accountHome()].filter((home): home is string => typeof home === 'string' && path.isAbsolute(home)))];
  const candidates = homes.flatMap((home) => [...secretDirs, ...secretFiles].map((relative) => path.join(home, relative)));
  const found = await Promise.all(candidates.map(realKind));
  const dirs = new Set<string>();
  const files = new Set<string>();
  for (const entry of found) {
    if (entry === null || isWithin(entry.real, projectRoot) || isWithin(projectRoot, entry.real)) continue;
    (entry.kind === 'dir' ? dirs : files).add(entry.real);
  }
  return { dirs: [...dirs], files: [...files] };
}

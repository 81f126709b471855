// The bubblewrap command line for one bash call: new namespaces for everything (the network kept only
// for `network: full`), dying with bakeoff, the project replaced by the model's layer, a private /tmp,
// and the protected paths covered: `.git` read-only, `.env*` files empty, the data directory hidden.
import type { SandboxPolicy } from './sandbox-policy.js';

export interface Confinement {
  policy: SandboxPolicy;
  /** the project's real path: bash sees its layer there and starts in it */
  projectRoot: string;
  /** what is mounted on the project (the overlay or the copy); null = the project itself, read-only */
  layer: string | null;
  /** project paths that stay read-only inside (the `.git` directory or file) */
  readOnly: string[];
  /** files shown empty inside (`.env*`) */
  hiddenFiles: string[];
  /** directories shown empty and read-only inside (the data directory) */
  hiddenDirs: string[];
}

export function bwrapArgs(confinement: Confinement, command: string): string[] {
  const { policy, projectRoot, layer } = confinement;
  const args = ['--die-with-parent', '--unshare-all'];
  if (policy.network === 'full') args.push('--share-net');
  if (policy.filesystem === 'unrestricted') args.push('--bind', '/', '/', '--dev', '/dev', '--proc', '/proc');
  else args.push('--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp');
  // read_only: no layer, the project itself read-only (mounted again: it may lie under /tmp)
  if (layer === null || policy.filesystem === 'read_only') args.push('--ro-bind', projectRoot, projectRoot);
  else args.push('--bind', layer, projectRoot);
  for (const dir of confinement.readOnly) args.push('--ro-bind', dir, dir);
  for (const file of confinement.hiddenFiles) args.push('--ro-bind', '/dev/null', file);
  for (const dir of confinement.hiddenDirs) args.push('--tmpfs', dir, '--remount-ro', dir);
  args.push('--chdir', projectRoot, '--', '/bin/sh', '-c', command);
  return args;
}

// What confines bash on this machine, probed once per process (a few milliseconds, off the first frame):
// bubblewrap when it runs here, and kernel overlayfs in an unprivileged user namespace for the layer.
// BAKEOFF_BWRAP names the bwrap program (a missing one forces the fallback: a private copy, no confinement).
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface SandboxSupport {
  /** the bwrap program when it can confine a command here, else null */
  bwrap: string | null;
  /** each model's layer is an overlay over the project (else a private copy of it) */
  overlay: boolean;
  /** why there is no bwrap, for the notice shown once at start */
  missing: string | null;
}

const probes = new Map<string, Promise<SandboxSupport>>();

export function bwrapProgram(env: NodeJS.ProcessEnv = process.env): string {
  return env.BAKEOFF_BWRAP?.trim() || 'bwrap';
}

export function detectSandbox(env: NodeJS.ProcessEnv = process.env): Promise<SandboxSupport> {
  const program = bwrapProgram(env);
  let probe = probes.get(program);
  if (!probe) {
    probe = probeSandbox(program);
    probes.set(program, probe);
  }
  return probe;
}

async function probeSandbox(program: string): Promise<SandboxSupport> {
  if (process.platform !== 'linux') return { bwrap: null, overlay: false, missing: `no bubblewrap on ${process.platform}` };
  const confined = await exitsZero(program, ['--unshare-all', '--die-with-parent', '--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', 'true']);
  if (!confined) return { bwrap: null, overlay: false, missing: `${program} is missing or cannot create namespaces here (Debian/Ubuntu: apt-get install bubblewrap)` };
  return { bwrap: program, overlay: await overlayWorks(), missing: null };
}

async function overlayWorks(): Promise<boolean> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bakeoff-probe-'));
  try {
    const parts = ['lower', 'upper', 'work', 'merged'].map((name) => path.join(dir, name));
    await Promise.all(parts.map((part) => mkdir(part)));
    return (await exitsZero('nsenter', ['--version'])) && (await exitsZero('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', mountOverlayScript, 'sh', ...parts]));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `sh -c` script: mounts the overlay $1 (lower) + $2 (upper) + $3 (work) on $4. */
export const mountOverlayScript = 'mount -t overlay overlay -o "lowerdir=$1,upperdir=$2,workdir=$3" "$4"';

function exitsZero(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

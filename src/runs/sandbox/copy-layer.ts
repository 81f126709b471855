// The layer as a private copy of the project in a temporary directory, where no overlay can be mounted
// (no bubblewrap, no user namespaces, macOS): `cp --reflink=auto` clones where the file system can.
// The files and times right after the copy are its baseline: the diff is what changed since.
import { spawn } from 'node:child_process';
import { cp, lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { bwrapArgs } from './bwrap-args.js';
import { makeLayerDirectory } from './layer-directory.js';
import { DiffBuilder, filesBelow, originalText, type LayerDiff } from './layer-diff.js';
import type { Layer, LayerSetup } from './layer.js';
import { runCommand, type CommandResult } from './run-command.js';

interface Baseline {
  size: number;
  mtimeMs: number;
}

export async function createCopyLayer(setup: LayerSetup): Promise<Layer> {
  const dir = await makeLayerDirectory();
  const copy = path.join(dir, 'project');
  try {
    await copyProject(setup.projectRoot, copy);
    // what the sandbox hides is not copied where a command could read it
    const hidden = [...setup.protections.hiddenFiles, ...setup.protections.hiddenDirs].map((p) => path.relative(setup.projectRoot, p)).filter((p) => !p.startsWith('..'));
    await Promise.all(hidden.map((p) => rm(path.join(copy, p), { recursive: true, force: true })));
    const baseline = new Map<string, Baseline>();
    for (const relative of await filesBelow(copy, copy, setup.protections.isProtected)) {
      const info = await lstat(path.join(copy, relative));
      baseline.set(relative, { size: info.size, mtimeMs: info.mtimeMs });
    }
    return new CopyLayer(setup, dir, copy, baseline);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function copyProject(from: string, to: string): Promise<void> {
  const cloned = await new Promise<boolean>((resolve) => {
    const child = spawn('cp', ['-a', '--reflink=auto', from, to], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  if (!cloned) {
    await rm(to, { recursive: true, force: true });
    await cp(from, to, { recursive: true, preserveTimestamps: true, verbatimSymlinks: true });
  }
}

class CopyLayer implements Layer {
  constructor(
    private readonly setup: LayerSetup,
    private readonly dir: string,
    readonly viewRoot: string,
    private readonly baseline: Map<string, Baseline>,
  ) {}

  run(command: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult> {
    const { setup } = this;
    if (setup.support.bwrap !== null) {
      const confinement = { policy: setup.policy, projectRoot: setup.projectRoot, layer: this.viewRoot, ...setup.protections };
      return runCommand({ program: setup.support.bwrap, args: bwrapArgs(confinement, command), cwd: '/', env: setup.env, timeoutMs, signal });
    }
    // no confinement: only the working directory and the environment are the model's own
    return runCommand({ program: '/bin/sh', args: ['-c', command], cwd: this.viewRoot, env: setup.env, timeoutMs, signal });
  }

  async diff(): Promise<LayerDiff> {
    const { projectRoot, protections } = this.setup;
    const builder = new DiffBuilder(protections.isProtected);
    const present = new Set(await filesBelow(this.viewRoot, this.viewRoot, protections.isProtected));
    for (const relative of this.baseline.keys()) if (!present.has(relative)) builder.delete(relative);
    for (const relative of present) {
      const before = this.baseline.get(relative);
      const absolute = path.join(this.viewRoot, relative);
      if (before) {
        const info = await lstat(absolute);
        if (info.size === before.size && info.mtimeMs === before.mtimeMs) continue;
      }
      const original = path.join(projectRoot, relative);
      await builder.write(relative, absolute, before !== undefined, before ? await originalText(original) : null);
    }
    return builder.result();
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

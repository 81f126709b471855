// The layer as a kernel overlay: the project is the lower directory, the model's changes go to an upper
// directory of its own. bwrap 0.8 cannot mount overlays, so a keeper process mounts it in a user and
// mount namespace of its own (unshare), each bash call enters that namespace (nsenter) and runs in
// bubblewrap there, and the tools reach the merged view through /proc/<keeper>/root. The keeper reads
// its stdin until bakeoff closes it (or dies), and the mount goes with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { lstat, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { bwrapArgs } from './bwrap-args.js';
import { makeLayerDirectory } from './layer-directory.js';
import { mountOverlayScript } from './detect-sandbox.js';
import { DiffBuilder, entriesOf, filesBelow, originalText, type LayerDiff } from './layer-diff.js';
import type { Layer, LayerSetup } from './layer.js';
import { runCommand, type CommandResult } from './run-command.js';

/** Characters the overlay's mount options cannot carry. */
const unsafeInOptions = /[,:\\\n]/;

export async function createOverlayLayer(setup: LayerSetup): Promise<Layer> {
  if (setup.support.bwrap === null) throw new Error('an overlay layer needs bubblewrap');
  const dir = await makeLayerDirectory();
  const [upper, work, merged] = ['upper', 'work', 'merged'].map((name) => path.join(dir, name));
  if ([setup.projectRoot, dir].some((p) => unsafeInOptions.test(p))) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`${setup.projectRoot} cannot be an overlay's lower directory (a , : or \\ in its path)`);
  }
  await Promise.all([upper, work, merged].map((part) => mkdir(part)));
  try {
    const keeper = await startKeeper([setup.projectRoot, upper, work, merged]);
    return new OverlayLayer(setup, setup.support.bwrap, dir, upper, merged, keeper);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function startKeeper(parts: string[]): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const script = `${mountOverlayScript} && echo ready && exec cat >/dev/null`;
    const keeper = spawn('unshare', ['--user', '--map-root-user', '--mount', 'sh', '-c', script, 'sh', ...parts], { stdio: ['pipe', 'pipe', 'pipe'] });
    let said = '';
    keeper.stderr.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    keeper.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('ready')) resolve(keeper);
    });
    keeper.on('error', reject);
    keeper.on('exit', (code) => reject(new Error(`could not mount the model's layer (exit ${code}): ${said.trim()}`)));
  });
}

class OverlayLayer implements Layer {
  readonly viewRoot: string;

  constructor(
    private readonly setup: LayerSetup,
    private readonly bwrap: string,
    private readonly dir: string,
    private readonly upper: string,
    private readonly merged: string,
    private readonly keeper: ChildProcess,
  ) {
    this.viewRoot = `/proc/${keeper.pid}/root${merged}`;
  }

  run(command: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult> {
    const { setup } = this;
    const confinement = { policy: setup.policy, projectRoot: setup.projectRoot, layer: this.merged, ...setup.protections };
    const args = ['-t', String(this.keeper.pid), '--user', '--mount', '--preserve-credentials', this.bwrap, ...bwrapArgs(confinement, command)];
    return runCommand({ program: 'nsenter', args, cwd: '/', env: setup.env, timeoutMs, signal });
  }

  /** Walks the upper directory only: what the model never touched is not looked at. */
  async diff(): Promise<LayerDiff> {
    const { projectRoot, protections } = this.setup;
    const builder = new DiffBuilder(protections.isProtected);
    const visit = async (relative: string): Promise<void> => {
      const lowerDir = path.join(projectRoot, relative);
      const mergedNames = new Set((await entriesOf(path.join(this.viewRoot, relative))).map((entry) => entry.name));
      // whiteouts and opaque directories both hide lower entries: what the merged view lacks is deleted
      for (const entry of await entriesOf(lowerDir)) {
        if (mergedNames.has(entry.name)) continue;
        const below = path.join(relative, entry.name);
        if (entry.isDirectory()) for (const file of await filesBelow(path.join(lowerDir, entry.name), projectRoot, protections.isProtected)) builder.delete(file);
        else builder.delete(below);
      }
      for (const entry of await entriesOf(path.join(this.upper, relative))) {
        const below = path.join(relative, entry.name);
        if (!mergedNames.has(entry.name) || protections.isProtected(below)) continue;
        const lower = path.join(projectRoot, below);
        const lowerInfo = await lstat(lower).catch(() => null);
        if (entry.isDirectory()) {
          if (lowerInfo !== null && !lowerInfo.isDirectory()) builder.delete(below);
          await visit(below);
        } else if (entry.isFile()) {
          if (lowerInfo?.isDirectory()) for (const file of await filesBelow(lower, projectRoot, protections.isProtected)) builder.delete(file);
          await builder.write(below, path.join(this.viewRoot, below), lowerInfo?.isFile() === true, lowerInfo?.isFile() ? await originalText(lower) : null);
        } else if (!entry.isCharacterDevice()) {
          builder.leftOut.push(below);
        }
      }
    };
    await visit('');
    return builder.result();
  }

  async dispose(): Promise<void> {
    const { keeper } = this;
    const gone = new Promise((resolve) => (keeper.exitCode !== null || keeper.signalCode !== null ? resolve(null) : keeper.once('exit', resolve)));
    this.keeper.stdin?.end();
    this.keeper.kill('SIGKILL');
    await gone;
    await rm(this.dir, { recursive: true, force: true });
  }
}

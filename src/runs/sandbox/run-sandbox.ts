// The sandbox of one run: its policy, and the layers its models get. Nothing is probed or copied until
// a model's first bash call, so a run without bash costs nothing here.
import { realpath } from 'node:fs/promises';
import { detectSandbox } from './detect-sandbox.js';
import { createLayer } from './create-layer.js';
import type { Layer, LayerSetup } from './layer.js';
import { protectionsFor } from './protected-paths.js';
import { sandboxEnv } from './sandbox-env.js';
import type { SandboxPolicy } from './sandbox-policy.js';

export interface RunSandboxOptions {
  projectRoot: string;
  /** bakeoff's data directories: hidden inside the sandbox */
  dataDirs: string[];
  policy: SandboxPolicy;
  /** the environment bakeoff was started with (a project's .env never enters it) */
  env: NodeJS.ProcessEnv;
  /** the user agreed to run bash with no sandbox (only a private copy); otherwise bash is refused then */
  allowUnconfined: boolean;
}

/** bash was asked for where no sandbox confines it and the user did not agree to that. */
export class UnconfinedBashRefused extends Error {
  constructor(reason: string) {
    super(`bash refused: no sandbox here (${reason}) and running it unconfined was not agreed to`);
    this.name = 'UnconfinedBashRefused';
  }
}

export class RunSandbox {
  private setup: Promise<LayerSetup> | undefined;

  constructor(private readonly options: RunSandboxOptions) {}

  get policy(): SandboxPolicy {
    return this.options.policy;
  }

  async newLayer(): Promise<Layer> {
    this.setup ??= this.prepare();
    const setup = await this.setup;
    if (setup.support.bwrap === null && !this.options.allowUnconfined) throw new UnconfinedBashRefused(setup.support.missing ?? 'no bubblewrap');
    return createLayer(setup);
  }

  private async prepare(): Promise<LayerSetup> {
    const { options } = this;
    const [projectRoot, support] = await Promise.all([realpath(options.projectRoot), detectSandbox(options.env)]);
    const privateTmp = support.bwrap !== null && options.policy.filesystem !== 'unrestricted';
    return {
      projectRoot,
      policy: options.policy,
      support,
      protections: await protectionsFor(projectRoot, options.dataDirs, options.env),
      env: sandboxEnv(options.env, privateTmp ? { TMPDIR: '/tmp' } : {}),
    };
  }
}

// Which layer a model gets: none under `filesystem: read_only` with bubblewrap (the project is mounted
// read-only), an overlay where the kernel allows one, else a private copy.
import { bwrapArgs } from './bwrap-args.js';
import { createCopyLayer } from './copy-layer.js';
import type { Layer, LayerSetup } from './layer.js';
import { createOverlayLayer } from './overlay-layer.js';
import { runCommand } from './run-command.js';

export async function createLayer(setup: LayerSetup): Promise<Layer> {
  const { bwrap } = setup.support;
  if (bwrap !== null && setup.policy.filesystem === 'read_only') return readOnlyView(setup, bwrap);
  if (bwrap !== null && setup.support.overlay) {
    try {
      return await createOverlayLayer(setup);
    } catch {
      // e.g. a project path the mount options cannot carry: the copy still isolates the model
    }
  }
  const copy = await createCopyLayer(setup);
  if (setup.policy.filesystem !== 'read_only') return copy;
  // read_only without bubblewrap: commands run in the copy, and nothing they do is proposed
  return { viewRoot: copy.viewRoot, run: (...args) => copy.run(...args), diff: () => Promise.resolve({ writes: [], leftOut: [] }), dispose: () => copy.dispose() };
}

function readOnlyView(setup: LayerSetup, bwrap: string): Layer {
  const confinement = { policy: setup.policy, projectRoot: setup.projectRoot, layer: null, ...setup.protections };
  return {
    viewRoot: setup.projectRoot,
    run: (command, timeoutMs, signal) => runCommand({ program: bwrap, args: bwrapArgs(confinement, command), cwd: '/', env: setup.env, timeoutMs, signal }),
    diff: () => Promise.resolve({ writes: [], leftOut: [] }),
    dispose: () => Promise.resolve(),
  };
}

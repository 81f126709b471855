// A model's own layer over the project for one run: where its tool writes and its shell commands land,
// seen by nobody else, and whose difference from the project is its proposal.
import type { CommandResult } from './run-command.js';
import type { LayerDiff } from './layer-diff.js';
import type { Protections } from './protected-paths.js';
import type { SandboxPolicy } from './sandbox-policy.js';
import type { SandboxSupport } from './detect-sandbox.js';

export interface Layer {
  /** the model's view of the project, for the tools (may lie under /proc/<pid>/root) */
  viewRoot: string;
  run(command: string, timeoutMs: number, signal: AbortSignal): Promise<CommandResult>;
  diff(): Promise<LayerDiff>;
  /** removes the layer and ends whatever holds it */
  dispose(): Promise<void>;
}

/** What every layer of a run shares. */
export interface LayerSetup {
  /** the project's real path */
  projectRoot: string;
  policy: SandboxPolicy;
  support: SandboxSupport;
  protections: Protections;
  /** the environment bash gets */
  env: Record<string, string>;
}

// What the recipe's Sandbox section asks of bash, with bakeoff's defaults for what it leaves out:
// `filesystem: project_only` and `network: none` (a model's shell reaches nothing it was not given).
import type { Recipe } from '../../../store/index.js';

export type FilesystemPolicy = 'project_only' | 'read_only' | 'unrestricted';
export type NetworkPolicy = 'none' | 'full';

export interface SandboxPolicy {
  filesystem: FilesystemPolicy;
  network: NetworkPolicy;
}

export const defaultSandboxPolicy: SandboxPolicy = { filesystem: 'project_only', network: 'none' };

export function sandboxPolicyOf(recipe: Recipe): SandboxPolicy {
  const { filesystem, network } = recipe.sandbox;
  return {
    filesystem: filesystem === 'read_only' || filesystem === 'unrestricted' || filesystem === 'project_only' ? filesystem : defaultSandboxPolicy.filesystem,
    network: network === 'full' || network === 'none' ? network : defaultSandboxPolicy.network,
  };
}

/** The recipe gives the models bash (listed in its Tools section). */
export function recipeAllowsBash(recipe: Recipe): boolean {
  return recipe.tools !== null && recipe.tools.allowlist.includes('bash');
}

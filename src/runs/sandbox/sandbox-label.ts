// The sandbox in force, in a few words for the status bar: `sandbox: bwrap, network none`,
// `sandbox: bwrap (copy), read-only, network full`, `sandbox: copy (no bwrap)`.
import type { SandboxSupport } from './detect-sandbox.js';
import type { SandboxPolicy } from './sandbox-policy.js';

export function sandboxLabel(support: SandboxSupport, policy: SandboxPolicy): string {
  if (support.bwrap === null) return 'sandbox: copy (no bwrap)';
  const engine = policy.filesystem === 'read_only' || support.overlay ? 'bwrap' : 'bwrap (copy)';
  const filesystem = policy.filesystem === 'read_only' ? ', read-only' : policy.filesystem === 'unrestricted' ? ', unrestricted' : '';
  return `sandbox: ${engine}${filesystem}, network ${policy.network}`;
}

// Model ids are `provider/model`: the provider picks the adapter, the rest is the provider's own name.

export const providerNames = ['demo', 'openai', 'anthropic', 'openrouter', 'ollama', 'openai-compatible'] as const;
export type ProviderName = (typeof providerNames)[number];

export interface ModelId {
  provider: string;
  /** everything after the first slash: `openrouter/anthropic/claude-sonnet-4.5` keeps `anthropic/claude-sonnet-4.5` */
  model: string;
}

/** Splits at the first slash; null when either half is empty. */
export function parseModelId(id: string): ModelId | null {
  const slash = id.indexOf('/');
  if (slash <= 0 || slash === id.length - 1) return null;
  return { provider: id.slice(0, slash), model: id.slice(slash + 1) };
}

export function isProviderName(name: string): name is ProviderName {
  return (providerNames as readonly string[]).includes(name);
}

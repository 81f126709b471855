// The environment variables bakeoff reads a provider's key or endpoint from: the only names a project's
// `.env` may set (provider-settings.ts reads them, dotenv.ts lets nothing else through).

/** The key each provider sends (ollama needs none). */
export const keyVariables = {
  openai: 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  openrouter: 'OPENROUTER_API_KEY',
  'openai-compatible': 'OPENAI_COMPATIBLE_API_KEY',
} as const;

/** The endpoint each provider talks to when set (openrouter's is fixed). */
export const baseURLVariables: Record<string, string> = {
  openai: 'OPENAI_BASE_URL',
  anthropic: 'ANTHROPIC_BASE_URL',
  ollama: 'OLLAMA_BASE_URL',
  'openai-compatible': 'OPENAI_COMPATIBLE_BASE_URL',
};

/** Every name a project's `.env` may set. */
export const providerVariableNames: ReadonlySet<string> = new Set([...Object.values(keyVariables), ...Object.values(baseURLVariables)]);

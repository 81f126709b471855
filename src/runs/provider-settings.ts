// Which endpoint and key a model id uses, read from the environment (or .env). Keys
// stay in memory: nothing here is ever written to the data directory.
import type { ModelId } from './model-id.js';
import { isUnset } from './dotenv.js';

/** The wire format the AI SDK speaks to the endpoint. */
export type WireFormat = 'openai' | 'anthropic' | 'openai-compatible';

export interface ProviderSettings {
  wire: WireFormat;
  /** the provider's name, as the AI SDK and error messages show it */
  name: string;
  /** undefined = the SDK's default endpoint */
  baseURL: string | undefined;
  apiKey: string | undefined;
  /** the variable `baseURL` was read from; undefined when it is the provider's default */
  baseURLVariable?: string;
}

export type SettingsLookup = { settings: ProviderSettings } | { problem: string };

export const openRouterBaseURL = 'https://openrouter.ai/api/v1';
export const ollamaDefaultBaseURL = 'http://127.0.0.1:11434/v1';
/** Sent when a custom endpoint needs no key: the SDKs insist on one, local servers ignore it. */
const keyNotNeeded = 'not-needed';

/** Where each provider's requests go by default, when its base-URL variable is not set (none: it must be set). */
const defaultBaseURLs: Record<string, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  openrouter: openRouterBaseURL,
  ollama: ollamaDefaultBaseURL,
};
const baseURLVariables: Record<string, string> = {
  openai: 'OPENAI_BASE_URL',
  anthropic: 'ANTHROPIC_BASE_URL',
  ollama: 'OLLAMA_BASE_URL',
  'openai-compatible': 'OPENAI_COMPATIBLE_BASE_URL',
};

/** The endpoint a model id talks to, key or no key: the variable's URL, else the provider's default; null when there is none. */
export function providerEndpoint(id: ModelId, env: NodeJS.ProcessEnv): { url: string; variable?: string } | null {
  const variable = baseURLVariables[id.provider];
  const fromVariable = variable === undefined ? undefined : read(env, variable);
  if (fromVariable !== undefined) return { url: fromVariable, variable };
  const fallback = defaultBaseURLs[id.provider];
  return fallback === undefined ? null : { url: fallback };
}

/** An empty variable counts as unset (as it does when .env is loaded). */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return isUnset(value) ? undefined : value?.trim();
}

/** The settings for a real (non-demo) provider, or what to set to use it. */
export function providerSettings(id: ModelId, env: NodeJS.ProcessEnv): SettingsLookup {
  switch (id.provider) {
    case 'openai':
      return keyed('openai', 'OPENAI_API_KEY', env);
    case 'anthropic':
      return keyed('anthropic', 'ANTHROPIC_API_KEY', env);
    case 'openrouter': {
      const apiKey = read(env, 'OPENROUTER_API_KEY');
      if (!apiKey) return { problem: 'set OPENROUTER_API_KEY' };
      return { settings: { wire: 'openai-compatible', name: 'openrouter', baseURL: openRouterBaseURL, apiKey } };
    }
    case 'ollama': {
      const endpoint = providerEndpoint(id, env);
      return { settings: { wire: 'openai-compatible', name: 'ollama', baseURL: endpoint?.url ?? ollamaDefaultBaseURL, apiKey: undefined, baseURLVariable: endpoint?.variable } };
    }
    case 'openai-compatible': {
      const baseURL = providerEndpoint(id, env)?.url;
      if (!baseURL) return { problem: 'set OPENAI_COMPATIBLE_BASE_URL (and OPENAI_COMPATIBLE_API_KEY if the server needs one)' };
      return {
        settings: { wire: 'openai-compatible', name: 'openai-compatible', baseURL, apiKey: read(env, 'OPENAI_COMPATIBLE_API_KEY'), baseURLVariable: baseURLVariables['openai-compatible'] },
      };
    }
    default:
      return { problem: `unknown provider "${id.provider}" (known: demo, openai, anthropic, openrouter, ollama, openai-compatible)` };
  }
}

/** A provider that needs a key on its own endpoint; with a custom base URL the key becomes optional. */
function keyed(wire: 'openai' | 'anthropic', keyVariable: string, env: NodeJS.ProcessEnv): SettingsLookup {
  const apiKey = read(env, keyVariable);
  const baseURLVariable = baseURLVariables[wire];
  const baseURL = read(env, baseURLVariable);
  if (!apiKey && !baseURL) return { problem: `set ${keyVariable}` };
  return { settings: { wire, name: wire, baseURL, apiKey: apiKey ?? keyNotNeeded, baseURLVariable: baseURL ? baseURLVariable : undefined } };
}

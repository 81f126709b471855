// Which endpoint and key a model id uses, read from the environment (or .env). Keys
// stay in memory: nothing here is ever written to the data directory.
import type { ModelId } from './model-id.js';
import { providerVariable } from './dotenv.js';
import { baseURLVariables, keyVariables } from './provider-variables.js';

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

/** The endpoint a model id talks to, key or no key: the variable's URL, else the provider's default; null when there is none. */
export function providerEndpoint(id: ModelId, env: NodeJS.ProcessEnv): { url: string; variable?: string } | null {
  const variable = baseURLVariables[id.provider];
  const fromVariable = variable === undefined ? undefined : providerVariable(variable, env);
  if (fromVariable !== undefined) return { url: fromVariable, variable };
  const fallback = defaultBaseURLs[id.provider];
  return fallback === undefined ? null : { url: fallback };
}

/** The settings for a real (non-demo) provider, or what to set to use it. */
export function providerSettings(id: ModelId, env: NodeJS.ProcessEnv): SettingsLookup {
  switch (id.provider) {
    case 'openai':
      return keyed('openai', keyVariables.openai, env);
    case 'anthropic':
      return keyed('anthropic', keyVariables.anthropic, env);
    case 'openrouter': {
      const apiKey = providerVariable(keyVariables.openrouter, env);
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
        settings: { wire: 'openai-compatible', name: 'openai-compatible', baseURL, apiKey: providerVariable(keyVariables['openai-compatible'], env), baseURLVariable: baseURLVariables['openai-compatible'] },
      };
    }
    default:
      return { problem: `unknown provider "${id.provider}" (known: demo, openai, anthropic, openrouter, ollama, openai-compatible)` };
  }
}

/** A provider that needs a key on its own endpoint; with a custom base URL the key becomes optional. */
function keyed(wire: 'openai' | 'anthropic', keyVariable: string, env: NodeJS.ProcessEnv): SettingsLookup {
  const apiKey = providerVariable(keyVariable, env);
  const baseURLVariable = baseURLVariables[wire];
  const baseURL = providerVariable(baseURLVariable, env);
  if (!apiKey && !baseURL) return { problem: `set ${keyVariable}` };
  return { settings: { wire, name: wire, baseURL, apiKey: apiKey ?? keyNotNeeded, baseURLVariable: baseURL ? baseURLVariable : undefined } };
}

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

/** An empty variable counts as unset (as it does when .env is loaded). */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return isUnset(value) ? undefined : value?.trim();
}

/** The settings for a real (non-demo) provider, or what to set to use it. */
export function providerSettings(id: ModelId, env: NodeJS.ProcessEnv): SettingsLookup {
  switch (id.provider) {
    case 'openai':
      return keyed('openai', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', env);
    case 'anthropic':
      return keyed('anthropic', 'ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', env);
    case 'openrouter': {
      const apiKey = read(env, 'OPENROUTER_API_KEY');
      if (!apiKey) return { problem: 'set OPENROUTER_API_KEY' };
      return { settings: { wire: 'openai-compatible', name: 'openrouter', baseURL: openRouterBaseURL, apiKey } };
    }
    case 'ollama': {
      const baseURL = read(env, 'OLLAMA_BASE_URL');
      return {
        settings: { wire: 'openai-compatible', name: 'ollama', baseURL: baseURL ?? ollamaDefaultBaseURL, apiKey: undefined, baseURLVariable: baseURL ? 'OLLAMA_BASE_URL' : undefined },
      };
    }
    case 'openai-compatible': {
      const baseURL = read(env, 'OPENAI_COMPATIBLE_BASE_URL');
      if (!baseURL) return { problem: 'set OPENAI_COMPATIBLE_BASE_URL (and OPENAI_COMPATIBLE_API_KEY if the server needs one)' };
      return {
        settings: { wire: 'openai-compatible', name: 'openai-compatible', baseURL, apiKey: read(env, 'OPENAI_COMPATIBLE_API_KEY'), baseURLVariable: 'OPENAI_COMPATIBLE_BASE_URL' },
      };
    }
    default:
      return { problem: `unknown provider "${id.provider}" (known: demo, openai, anthropic, openrouter, ollama, openai-compatible)` };
  }
}

/** A provider that needs a key on its own endpoint; with a custom base URL the key becomes optional. */
function keyed(wire: 'openai' | 'anthropic', keyVariable: string, baseURLVariable: string, env: NodeJS.ProcessEnv): SettingsLookup {
  const apiKey = read(env, keyVariable);
  const baseURL = read(env, baseURLVariable);
  if (!apiKey && !baseURL) return { problem: `set ${keyVariable}` };
  return { settings: { wire, name: wire, baseURL, apiKey: apiKey ?? keyNotNeeded, baseURLVariable: baseURL ? baseURLVariable : undefined } };
}

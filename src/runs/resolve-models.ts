// From model ids to adapters: the demo models need nothing; a real model whose key (or base URL)
// is missing is reported by name, with the variable to set, and left out.
import type { ModelAdapter } from './model-adapter.js';
import type { ModelInfo } from './types.js';
import { parseModelId } from './model-id.js';
import { createDemoAdapter, demoModelIds, isDemoModel } from './demo-models.js';
import { providerEndpoint, providerSettings, type ProviderSettings } from './provider-settings.js';
import { variableOrigin } from './dotenv.js';
import { redactSecrets } from '../text/redact-secrets.js';
import { createSdkAdapter } from './sdk-adapter.js';
import { pricingFor } from './prices.js';

export type AdapterLookup = { adapter: ModelAdapter; settings?: ProviderSettings } | { problem: string };

/** The adapter for one model id, or why it cannot run (without the id: callers add it). */
export function adapterFor(modelId: string, env: NodeJS.ProcessEnv = process.env): AdapterLookup {
  const id = parseModelId(modelId);
  if (!id) return { problem: 'not a model id: want provider/model, e.g. openai/gpt-4.1 or demo/alpha' };
  if (id.provider === 'demo') {
    if (!isDemoModel(id.model)) return { problem: `unknown demo model: the demo models are ${demoModelIds.join(', ')}` };
    return { adapter: createDemoAdapter(id.model) };
  }
  const lookup = providerSettings(id, env);
  if ('problem' in lookup) return lookup;
  return { adapter: createSdkAdapter(modelId, id.model, lookup.settings), settings: lookup.settings };
}

/** `URL (VARIABLE from ./.env)` when the endpoint is not the provider's default, so the user sees where a key goes. */
export function customEndpoint(settings: ProviderSettings | undefined, env: NodeJS.ProcessEnv = process.env): string | null {
  if (!settings?.baseURL || !settings.baseURLVariable) return null;
  return endpointWithOrigin(settings.baseURL, settings.baseURLVariable, env);
}

/** Where a model's requests go, key or no key (for /models): `URL (default)`, `URL (VARIABLE from …)`, or why there is none. */
export function endpointLabel(modelId: string, env: NodeJS.ProcessEnv = process.env): string {
  const id = parseModelId(modelId);
  if (id?.provider === 'demo') return 'built in, no network';
  const endpoint = id ? providerEndpoint(id, env) : null;
  if (!endpoint) return 'none';
  return endpoint.variable ? endpointWithOrigin(endpoint.url, endpoint.variable, env) : `${endpoint.url} (default)`;
}

function endpointWithOrigin(url: string, variable: string, env: NodeJS.ProcessEnv): string {
  return `${redactSecrets(url)} (${variable} from ${variableOrigin(variable, env)})`;
}

/** A model of the recipe that cannot run, and why. */
export interface LeftOutModel {
  id: string;
  reason: string;
  endpoint: string;
}

export interface ResolvedModels {
  models: ModelInfo[];
  /** one line per left-out model, `<id> left out: <reason>` */
  problems: string[];
  leftOut: LeftOutModel[];
}

export function resolveModels(ids: string[], env: NodeJS.ProcessEnv = process.env): ResolvedModels {
  const models: ModelInfo[] = [];
  const problems: string[] = [];
  const leftOut: LeftOutModel[] = [];
  const leave = (id: string, reason: string) => {
    problems.push(`${id} left out: ${reason}`);
    leftOut.push({ id, reason, endpoint: endpointLabel(id, env) });
  };
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      leave(id, 'listed twice');
      continue;
    }
    seen.add(id);
    const lookup = adapterFor(id, env);
    if ('problem' in lookup) {
      leave(id, lookup.problem);
      continue;
    }
    const pricing = pricingFor(id);
    models.push({ id, priceLabel: pricing.label, contextWindow: pricing.contextWindow, endpoint: customEndpoint(lookup.settings, env), address: endpointLabel(id, env) });
  }
  return { models, problems, leftOut };
}

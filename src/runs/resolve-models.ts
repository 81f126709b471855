// From model ids to adapters: the demo models need nothing; a real model whose key (or base URL)
// is missing is reported by name, with the variable to set, and left out.
import type { ModelAdapter } from './model-adapter.js';
import type { ModelInfo } from './types.js';
import { parseModelId } from './model-id.js';
import { createDemoAdapter, demoModelIds, isDemoModel } from './demo-models.js';
import { providerSettings, type ProviderSettings } from './provider-settings.js';
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
  return `${redactSecrets(settings.baseURL)} (${settings.baseURLVariable} from ${variableOrigin(settings.baseURLVariable, env)})`;
}

export function resolveModels(ids: string[], env: NodeJS.ProcessEnv = process.env): { models: ModelInfo[]; problems: string[] } {
  const models: ModelInfo[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      problems.push(`${id} left out: listed twice`);
      continue;
    }
    seen.add(id);
    const lookup = adapterFor(id, env);
    if ('problem' in lookup) {
      problems.push(`${id} left out: ${lookup.problem}`);
      continue;
    }
    const pricing = pricingFor(id);
    models.push({ id, priceLabel: pricing.label, contextWindow: pricing.contextWindow, endpoint: customEndpoint(lookup.settings, env) });
  }
  return { models, problems };
}

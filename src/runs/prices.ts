// What a model costs and how much context it has: the demo models' own prices, real models from the
// genai-prices catalog (its bundled data, no network). An unknown price is null, never $0.
import { createRequire } from 'node:module';
import type { TurnUsage } from './model-adapter.js';
import { parseModelId } from './model-id.js';
import { demoContextWindow } from './demo-models.js';

type GenaiPrices = typeof import('@pydantic/genai-prices');

export interface ModelPricing {
  /** "demo prices", '' for catalog prices, "price unknown" */
  label: string;
  contextWindow: number | null;
  /** US dollars for one turn's usage; null when the price is unknown */
  cost(usage: TurnUsage): number | null;
}

/** Dollars per million tokens, input and output, as the issue fixes them. */
const demoRates: Record<string, { input: number; output: number }> = {
  'demo/alpha': { input: 1, output: 2 },
  'demo/beta': { input: 3, output: 15 },
  'demo/gamma': { input: 0.5, output: 1.5 },
  'demo/delta': { input: 0.25, output: 1 },
};

/** The catalog's provider id per bakeoff provider; local servers have no price to find. */
const catalogProviders: Record<string, string> = { openai: 'openai', anthropic: 'anthropic', openrouter: 'openrouter' };

const unknownPrice: ModelPricing = { label: 'price unknown', contextWindow: null, cost: () => null };

let catalog: GenaiPrices | undefined;

/** Loaded on first use (a synchronous require of its CommonJS build), so a demo-only start stays fast. */
function genaiPrices(): GenaiPrices {
  catalog ??= createRequire(import.meta.url)('@pydantic/genai-prices') as GenaiPrices;
  return catalog;
}

const cache = new Map<string, ModelPricing>();

export function pricingFor(modelId: string): ModelPricing {
  let pricing = cache.get(modelId);
  if (!pricing) {
    pricing = lookUpPricing(modelId);
    cache.set(modelId, pricing);
  }
  return pricing;
}

function lookUpPricing(modelId: string): ModelPricing {
  const rates = demoRates[modelId];
  if (rates) {
    return {
      label: 'demo prices',
      contextWindow: demoContextWindow,
      cost: (usage) => (usage.inputTokens * rates.input + usage.outputTokens * rates.output) / 1_000_000,
    };
  }
  const id = parseModelId(modelId);
  const providerId = id ? catalogProviders[id.provider] : undefined;
  if (!id || !providerId) return unknownPrice;
  const price = (usage: TurnUsage): number | null => {
    try {
      const result = genaiPrices().calcPrice(
        { input_tokens: usage.inputTokens, output_tokens: usage.outputTokens, cache_read_tokens: usage.cacheReadTokens, cache_write_tokens: usage.cacheWriteTokens },
        id.model,
        { providerId },
      );
      return result ? result.total_price : null;
    } catch {
      // the catalog throws on usage it cannot split (e.g. cache counts above the input); treat as unknown
      return null;
    }
  };
  const found = safeModelInfo(id.model, providerId);
  if (!found) return unknownPrice;
  return { label: '', contextWindow: found.context_window ?? null, cost: price };
}

function safeModelInfo(model: string, providerId: string): { context_window?: number } | null {
  try {
    return genaiPrices().calcPrice({ input_tokens: 0, output_tokens: 0 }, model, { providerId })?.model ?? null;
  } catch {
    return null;
  }
}

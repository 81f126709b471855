// Which models can run: a missing key or base URL is reported by name with the variable to set.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resolveModels } from '../../src/runs/index.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('resolveModels', () => {
  it('leaves out each model whose key is missing, naming the model and the variable to set', () => {
    const ids = ['openai/gpt-4.1', 'anthropic/claude-sonnet-4-5', 'openrouter/anthropic/claude-sonnet-4.5', 'openai-compatible/qwen', 'demo/alpha'];
    const { models, problems } = resolveModels(ids, {});
    expect(models.map((m) => m.id)).toEqual(['demo/alpha']);
    expect(problems).toEqual([
      'openai/gpt-4.1 left out: set OPENAI_API_KEY',
      'anthropic/claude-sonnet-4-5 left out: set ANTHROPIC_API_KEY',
      'openrouter/anthropic/claude-sonnet-4.5 left out: set OPENROUTER_API_KEY',
      'openai-compatible/qwen left out: set OPENAI_COMPATIBLE_BASE_URL (and OPENAI_COMPATIBLE_API_KEY if the server needs one)',
    ]);
  });

  it('accepts models whose keys are set, with catalog context windows', () => {
    const env = { OPENAI_API_KEY: 'k', ANTHROPIC_API_KEY: 'k', OPENROUTER_API_KEY: 'k' };
    const { models, problems } = resolveModels(['openai/gpt-4.1', 'anthropic/claude-sonnet-4-5', 'openrouter/anthropic/claude-sonnet-4.5', 'ollama/llama3.2'], env);
    expect(problems).toEqual([]);
    expect(models.map((m) => [m.id, m.priceLabel])).toEqual([
      ['openai/gpt-4.1', ''],
      ['anthropic/claude-sonnet-4-5', ''],
      ['openrouter/anthropic/claude-sonnet-4.5', ''],
      ['ollama/llama3.2', 'price unknown'],
    ]);
    expect(models[0].contextWindow).toBe(1_000_000);
    expect(models[1].contextWindow).toBe(200_000);
    expect(models[3].contextWindow).toBeNull();
  });

  it('a base URL alone is enough for OpenAI- and Anthropic-format servers that need no key', () => {
    const { problems } = resolveModels(['openai/local-model', 'anthropic/local-model'], { OPENAI_BASE_URL: 'http://127.0.0.1:1/v1', ANTHROPIC_BASE_URL: 'http://127.0.0.1:2/v1' });
    expect(problems).toEqual([]);
  });

  it('reports unknown providers, unknown demo models, malformed ids and duplicates', () => {
    const { models, problems } = resolveModels(['mystery/model', 'demo/omega', 'gpt-4.1', 'demo/beta', 'demo/beta'], {});
    expect(models.map((m) => m.id)).toEqual(['demo/beta']);
    expect(problems).toEqual([
      'mystery/model left out: unknown provider "mystery" (known: demo, openai, anthropic, openrouter, ollama, openai-compatible)',
      'demo/omega left out: unknown demo model: the demo models are demo/alpha, demo/beta, demo/gamma, demo/delta',
      'gpt-4.1 left out: not a model id: want provider/model, e.g. openai/gpt-4.1 or demo/alpha',
      'demo/beta left out: listed twice',
    ]);
  });
});

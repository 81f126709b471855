import { describe, expect, it } from 'vitest';
import { withUsableModels } from '../../src/app/usable-models.js';
import { resolveModels } from '../../src/runs/index.js';
import type { AppSession } from '../../src/app/services.js';

const session = (models: string[]) => ({ models, warnings: ['earlier warning'] }) as unknown as AppSession;
const withoutKeys = { resolveModels: (ids: string[]) => resolveModels(ids, {}) };

describe('the models a session can run', () => {
  it('leaves out a model whose key is missing and says so by name, keeping the others in order', () => {
    const usable = withUsableModels(session(['openai/gpt-4.1', 'demo/alpha', 'anthropic/claude-sonnet-4-5', 'demo/beta']), withoutKeys);
    expect(usable.models).toEqual(['demo/alpha', 'demo/beta']);
    expect(usable.warnings[0]).toBe('earlier warning');
    expect(usable.warnings.slice(1).join('\n')).toMatch(/openai\/gpt-4\.1 left out: .*OPENAI_API_KEY/);
    expect(usable.warnings.slice(1).join('\n')).toMatch(/anthropic\/claude-sonnet-4-5 left out: .*ANTHROPIC_API_KEY/);
  });

  it('says how to go on when no model can run', () => {
    const usable = withUsableModels(session(['openai/gpt-4.1']), withoutKeys);
    expect(usable.models).toEqual([]);
    expect(usable.warnings.at(-1)).toContain('no model can run');
  });

  it('a key in the environment makes the model usable', () => {
    const usable = withUsableModels(session(['openai/gpt-4.1']), { resolveModels: (ids) => resolveModels(ids, { OPENAI_API_KEY: 'sk-test' }) });
    expect(usable.models).toEqual(['openai/gpt-4.1']);
    expect(usable.warnings).toEqual(['earlier warning']);
  });
});

describe('the endpoints a session talks to', () => {
  it('names each model whose endpoint is not its provider default, for the start line', () => {
    const env = { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    const usable = withUsableModels(session(['openai/gpt-4.1', 'demo/alpha']), { resolveModels: (ids) => resolveModels(ids, env) });
    expect(usable.endpoints).toEqual({ 'openai/gpt-4.1': 'http://127.0.0.1:9/v1 (OPENAI_BASE_URL from the environment)' });
  });
});

// Which answer `--pick` keeps, from the options the app would offer (fastest first).
import { describe, expect, it } from 'vitest';
import type { SelectionOption } from '../../components/types.js';
import { modelToPick, parsePickRule } from '../../src/cli/run/pick.js';
import type { CompletedRun } from '../../src/runs/types.js';
import { response } from '../helpers/store-fixture.js';

const option = (modelId: string, latencyMs: number, costUsd: number | null, number = 1): SelectionOption => ({ number, modelId, latencyMs, outputTokens: 10, costUsd, writes: [] });
const run = (...responses: ReturnType<typeof response>[]): CompletedRun => ({ prompt: 'p', responses, feedIndex: 0, cancelled: false, startedAt: 0 });

describe('--pick', () => {
  it('reads fastest, cheapest and none as rules, anything else as a model id', () => {
    expect(parsePickRule('fastest')).toEqual({ kind: 'fastest' });
    expect(parsePickRule(' cheapest ')).toEqual({ kind: 'cheapest' });
    expect(parsePickRule('none')).toEqual({ kind: 'none' });
    expect(parsePickRule('demo/alpha')).toEqual({ kind: 'model', modelId: 'demo/alpha' });
  });

  it('fastest is the first option; with no option there is nothing to pick', () => {
    const options = [option('a/fast', 10, 0.5), option('b/slow', 20, 0.1, 2)];
    expect(modelToPick({ kind: 'fastest' }, options, run())).toEqual({ modelId: 'a/fast' });
    expect(modelToPick({ kind: 'fastest' }, [], run())).toEqual({ problem: 'cannot pick the fastest answer: no model answered' });
  });

  it('cheapest leaves out unknown prices and, between equal prices, keeps the faster', () => {
    expect(modelToPick({ kind: 'cheapest' }, [option('a/x', 10, null), option('b/y', 20, 0.3), option('c/z', 30, 0.3)], run())).toEqual({ modelId: 'b/y' });
    expect(modelToPick({ kind: 'cheapest' }, [option('a/x', 10, 0.2), option('b/y', 20, 0.1)], run())).toEqual({ modelId: 'b/y' });
    expect(modelToPick({ kind: 'cheapest' }, [option('a/x', 10, null)], run())).toEqual({ problem: 'cannot pick the cheapest answer: no answering model has a known price' });
  });

  it('a named model must be among the options: a failed or silent one says why', () => {
    const failed = run(response('a/x', { error: 'boom' }), response('b/y', { text: '' }));
    expect(modelToPick({ kind: 'model', modelId: 'a/x' }, [], failed)).toEqual({ problem: 'cannot pick a/x: it failed (boom)' });
    expect(modelToPick({ kind: 'model', modelId: 'b/y' }, [], failed)).toEqual({ problem: 'cannot pick b/y: it gave no answer' });
    expect(modelToPick({ kind: 'model', modelId: 'b/y' }, [option('b/y', 5, 0)], failed)).toEqual({ modelId: 'b/y' });
  });
});

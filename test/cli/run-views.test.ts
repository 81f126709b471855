import { describe, expect, it } from 'vitest';
import { newSessionMetadata } from '../../store/index.js';
import type { RunContent, RunSummary } from '../../store/index.js';
import { runViews } from '../../src/cli/run-views.js';

const run = (hash: string, extra: Partial<RunSummary> = {}): RunSummary => ({
  timestamp: `2026-01-01T00:00:0${hash.length}Z`,
  prompt_hash: hash,
  prompt_preview: hash,
  models: ['m'],
  costs_usd: { m: 0.5 },
  ...extra,
});
const marker = (hash: string, at: string): RunSummary => ({ timestamp: at, prompt_hash: hash, prompt_preview: '', models: null, type: 'rewind' });
const content = (hash: string): RunContent => ({ prompt: `full ${hash}`, prompt_hash: hash, models: [{ model_id: 'm', text: `answer ${hash}`, events: [] }] });

describe('runViews', () => {
  it('folds each rewind marker into the nearest older run with its hash; the oldest pending marker pairs first', () => {
    const meta = {
      ...newSessionMetadata('ses_x'),
      runs: [run('h'), run('h'), marker('h', 'M1'), marker('h', 'M2'), run('h'), marker('h', 'M3')],
    };
    const views = runViews(meta, null);
    expect(views.map((v) => [v.number, v.rewound, v.rewoundAt])).toEqual([
      [1, true, 'M2'],
      [2, true, 'M1'],
      [3, true, 'M3'],
    ]);
  });

  it('a run sent again after a rewind is not rewound; a [rewound] note counts even without a marker', () => {
    const meta = { ...newSessionMetadata('ses_x'), runs: [run('a'), marker('a', 'M'), run('a'), run('b', { note: '[rewound] Skipped.' })] };
    expect(runViews(meta, null).map((v) => [v.rewound, v.rewoundAt])).toEqual([
      [true, 'M'],
      [false, null],
      [true, null],
    ]);
  });

  it('pairs runs with their content by hash, in order, so a missing record does not shift the rest', () => {
    const meta = { ...newSessionMetadata('ses_x'), runs: [run('a'), run('b'), run('c')] };
    const views = runViews(meta, { runs: [content('a'), content('c')], histories: {} });
    expect(views.map((v) => v.content?.prompt ?? null)).toEqual(['full a', null, 'full c']);
    expect(views.map((v) => v.totalCostUsd)).toEqual([0.5, 0.5, 0.5]);
  });
});

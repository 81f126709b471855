// The app's pure rules: the pick, the feed rebuilt from files, a typed Enter, names and completion.
import { describe, expect, it } from 'vitest';
import type { SessionContent, SessionMetadata } from '../../store/index.js';
import { annotateRun, feedFromSession } from '../../src/app/feed.js';
import { parseSelection } from '../../src/app/selection.js';
import { selectionOptions } from '../../src/session/selection-options.js';
import { costRows, sessionCostUsd } from '../../src/app/session-cost.js';
import { nearestName } from '../../src/commands/nearest.js';
import { commandSuggestions, completeLine, splitCommandLine, unknownCommandMessage } from '../../src/commands/registry.js';
import type { CommandContext } from '../../src/commands/types.js';
import type { CompletedRun } from '../../src/runs/types.js';

const run: CompletedRun = {
  prompt: 'p',
  startedAt: 0,
  feedIndex: 0,
  cancelled: false,
  responses: [
    { modelId: 'slow', text: 'a', latencyMs: 900, inputTokens: 1, outputTokens: 2, costUsd: 0.1 },
    { modelId: 'broken', text: '', latencyMs: 10, inputTokens: 1, outputTokens: 0, costUsd: 0, error: 'boom' },
    { modelId: 'fast', text: 'b', latencyMs: 100, inputTokens: 1, outputTokens: 2, costUsd: 0.2, proposedWrites: [{ path: 'x.go', content: '' }] },
  ],
};

describe('the pick after a run', () => {
  it('offers the OK responses fastest first, numbered from 1', () => {
    const options = selectionOptions(run, new Set(['fast']));
    expect(options.map((o) => [o.number, o.modelId])).toEqual([
      [1, 'fast'],
      [2, 'slow'],
    ]);
    expect(options[0]).toMatchObject({ costUsd: null, writes: ['x.go'] });
  });

  it('reads a number, s, g/b or y/n (one model only) and an empty line as the highlighted option', () => {
    const options = selectionOptions(run, new Set());
    expect(parseSelection('2', options, false, 0)).toEqual({ kind: 'pick', modelId: 'slow' });
    expect(parseSelection(' S ', options, false, 0)).toEqual({ kind: 'skip' });
    expect(parseSelection('', options, false, 1)).toEqual({ kind: 'pick', modelId: 'slow' });
    expect(parseSelection('g', options, true, 0)).toEqual({ kind: 'rate', rating: 'good' });
    expect(parseSelection('y', options, true, 0)).toEqual({ kind: 'rate', rating: 'good' });
    expect(parseSelection('N', options, true, 0)).toEqual({ kind: 'rate', rating: 'bad' });
    expect(parseSelection('b', options, false, 0)).toHaveProperty('error');
    expect(parseSelection('n', options, false, 0)).toHaveProperty('error');
    expect(parseSelection('3', options, false, 0)).toEqual({ error: 'No response 3: pick 1-2, or s to skip.' });
  });
});

describe('the feed of a resumed session', () => {
  const metadata = {
    id: 'ses_x',
    created_at: '2026-01-01T00:00:00Z',
    last_active_at: '2026-01-01T00:00:00Z',
    prompt_count: 2,
    runs: [
      { timestamp: '2026-01-01T00:00:00Z', prompt_hash: 'ph_1', prompt_preview: 'first', models: ['a', 'b'], selected: 'b', note: '[rewound] Applied: f.go', latencies_ms: { a: 5, b: 7 }, costs_usd: { a: 0.5 } },
      { timestamp: '2026-01-01T00:00:01Z', prompt_hash: 'ph_1', prompt_preview: '', models: null, type: 'rewind' },
      { timestamp: '2026-01-01T00:00:02Z', prompt_hash: 'ph_2', prompt_preview: 'second…', models: ['a'], note: 'Skipped.' },
    ],
  } as SessionMetadata;
  const content = {
    runs: [
      { prompt: 'first', prompt_hash: 'ph_1', models: [{ model_id: 'a', text: '', events: [], stop_reason: 'error' }] },
      { prompt: 'second, the whole prompt', prompt_hash: 'ph_2', models: [] },
    ],
  } as unknown as SessionContent;

  it('has one item per run (markers left out) with models, costs ("?" unknown), picks and notes', () => {
    const { items, hidden } = feedFromSession(metadata, content);
    expect(hidden).toBe(0);
    expect(items.map((i) => [i.feedIndex, i.prompt, i.note])).toEqual([
      [0, 'first', '[rewound] Applied: f.go'],
      [2, 'second, the whole prompt', 'Skipped.'],
    ]);
    expect(items[0].models).toEqual([
      { modelId: 'a', outcome: 'failed', latencyMs: 5, inputTokens: 0, outputTokens: 0, costUsd: 0.5, selected: false },
      { modelId: 'b', outcome: 'ok', latencyMs: 7, inputTokens: 0, outputTokens: 0, costUsd: null, selected: true },
    ]);
  });

  it('a resumed session shows its newest runs and never decodes the answers of the older ones', () => {
    const decoded: number[] = [];
    const lazyContent = {
      runs: content.runs.map((run, index) => ({
        prompt: run.prompt,
        prompt_hash: run.prompt_hash,
        get models() {
          decoded.push(index);
          return run.models;
        },
      })),
    } as unknown as SessionContent;
    const { items, hidden } = feedFromSession(metadata, lazyContent, 1);
    expect(hidden).toBe(1);
    expect(items.map((i) => i.feedIndex)).toEqual([2]);
    expect(decoded).toEqual([1]);
  });

  it('a rewind gives the run its new note and a new key, so <Static> prints it again', () => {
    const { items } = feedFromSession(metadata, content);
    const annotated = annotateRun(items, 2, '[rewound] Skipped.');
    expect(annotated[1]).toMatchObject({ note: '[rewound] Skipped.' });
    expect(annotated[1].key).not.toBe(items[1].key);
    expect(annotated[0]).toBe(items[0]);
  });
});

describe('session cost', () => {
  const runs = [
    { timestamp: 't', prompt_hash: 'h', prompt_preview: '', models: ['a', 'b'], costs_usd: { a: 0.25, b: 0.5 }, input_tokens: { a: 3 } },
    { timestamp: 't', prompt_hash: 'h', prompt_preview: '', models: null, type: 'rewind' },
  ] as SessionMetadata['runs'];

  it("is the runs' costs plus unrecorded spend; an unknown price shows as null", () => {
    expect(sessionCostUsd(runs, 0.25)).toBe(1);
    expect(costRows(runs, { a: 0.1 }, ['b', 'a'], new Set(['b']))).toEqual([
      { modelId: 'b', processUsd: null, sessionUsd: null, inputTokens: 0, outputTokens: 0 },
      { modelId: 'a', processUsd: 0.1, sessionUsd: 0.25, inputTokens: 3, outputTokens: 0 },
    ]);
  });
});

describe('the command registry', () => {
  const context = {} as CommandContext;

  it('splits a line into name and arguments', () => {
    expect(splitCommandLine('/stats   all ')).toEqual({ name: 'stats', args: 'all' });
    expect(splitCommandLine('/help')).toEqual({ name: 'help', args: '' });
  });

  it('suggests the nearest name for a typo, and nothing for noise', () => {
    expect(nearestName('stat', ['stats', 'save'])).toBe('stats');
    expect(nearestName('rewnid', ['rewind', 'resume'])).toBe('rewind');
    expect(nearestName('zzzzzzzz', ['stats'])).toBeNull();
    expect(unknownCommandMessage('hitsory')).toBe('Unknown command /hitsory. Did you mean /history?');
  });

  it('completes a unique prefix, stops at the common prefix, and completes arguments', async () => {
    expect(await completeLine('/hi', context)).toEqual({ line: '/history ', candidates: [] });
    expect((await completeLine('/re', context)).candidates).toEqual(['rewind', 'redo', 'resume', 'retry', 'recipes', 'rename']);
    expect(await completeLine('/rewind l', context)).toEqual({ line: '/rewind l', candidates: ['last', 'list'] });
    expect(await completeLine('/stats ', context)).toEqual({ line: '/stats all', candidates: [] });
  });

  it('lists the commands matching what is typed, aliases included', () => {
    expect(commandSuggestions('/qu').map((s) => s.name)).toEqual(['exit']);
    expect(commandSuggestions('/stats all')).toEqual([]);
    expect(commandSuggestions('hello')).toEqual([]);
  });
});

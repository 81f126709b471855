// /compact and auto-compaction: each model's history (the window it would be sent) is summarized by
// that model and replaced by two turns, the summarization request and the summary, so the next run
// reads like a conversation that began with "summarize" and its answer. Old rewind entries then point
// at history lengths that no longer exist, so the rewind stack is cleared.
import type { ConversationTurn, Store } from '../../store/index.js';
import { activeRecipeOf, runSettings, type RunSettings } from './run-settings.js';
import { adapterFor } from './resolve-models.js';
import { historyWindow } from './history-window.js';
import { pricingFor } from './prices.js';
import { summarizeHistory } from './summarize-history.js';

interface CompactResult {
  modelId: string;
  turnsBefore: number;
  error?: string;
}

/** /compact: summarizes every listed model that has a history; returns one line for the UI. */
export async function compactSession(store: Store, models: string[]): Promise<string> {
  const settings = runSettings(activeRecipeOf(store));
  const withHistory = [...new Set(models)].filter((id) => (store.histories()[id]?.length ?? 0) > 0);
  if (withHistory.length === 0) return 'Nothing to compact: no model has a history yet.';
  const results = await compactHistories(store, withHistory, settings);
  const done = results.filter((r) => !r.error);
  const failed = results.filter((r) => r.error);
  const parts: string[] = [];
  if (done.length > 0) parts.push(`Compacted ${done.length} ${done.length === 1 ? 'history' : 'histories'}: ${done.map((r) => `${r.modelId} ${r.turnsBefore} → 2 turns`).join(', ')}.`);
  for (const r of failed) parts.push(`${r.modelId} kept its history: ${r.error}`);
  return parts.join(' ');
}

/** Before a run with `strategy: auto_compact`: compacts each history past the threshold of its model's context window. */
export async function autoCompact(store: Store, models: readonly string[], settings: RunSettings, signal: AbortSignal): Promise<CompactResult[]> {
  const due = models.filter((id) => {
    const window = pricingFor(id).contextWindow;
    const turns = historyWindow(store.histories()[id] ?? [], settings.maxHistoryTurns);
    if (!window || turns.length === 0) return false;
    const chars = settings.system.length + turns.reduce((n, turn) => n + turn.content.length, 0);
    return chars / 4 > settings.compactThreshold * window;
  });
  return due.length > 0 ? compactHistories(store, due, settings, signal) : [];
}

async function compactHistories(store: Store, models: readonly string[], settings: RunSettings, signal?: AbortSignal): Promise<CompactResult[]> {
  const replaced: Record<string, ConversationTurn[]> = {};
  const results = await Promise.all(
    models.map(async (modelId): Promise<CompactResult> => {
      const turnsBefore = store.histories()[modelId]?.length ?? 0;
      const lookup = adapterFor(modelId);
      if ('problem' in lookup) return { modelId, turnsBefore, error: lookup.problem };
      try {
        const turns = historyWindow(store.histories()[modelId] ?? [], settings.maxHistoryTurns);
        const summary = await summarizeHistory(lookup.adapter, turns, { ...settings, signal });
        store.accumulateCost(modelId, pricingFor(modelId).cost(summary.usage) ?? 0);
        replaced[modelId] = [
          { role: 'user', content: settings.summarizationPrompt },
          { role: 'assistant', content: summary.text },
        ];
        return { modelId, turnsBefore };
      } catch (error) {
        return { modelId, turnsBefore, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
  if (Object.keys(replaced).length > 0) {
    await Promise.all([store.setHistories({ ...store.histories(), ...replaced }), store.clearRewindStack()]);
  }
  return results;
}

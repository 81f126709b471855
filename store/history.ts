// Per-model conversation histories: pure functions, so the Store and tests share one definition.
import type { ConversationTurn, Histories } from './schemas.js';
import type { ModelResponse } from './types.js';

/** A response joins the conversation only when it has no error and says something. */
export function joinsHistory(response: ModelResponse | undefined): response is ModelResponse {
  return Boolean(response && !response.error && response.text);
}

/** Histories after a run: panel i pairs with response i; each answering model gets the prompt and its text. */
export function appendHistory(histories: Histories, panelIds: readonly string[], responses: readonly ModelResponse[], prompt: string): Histories {
  const next: Histories = { ...histories };
  panelIds.forEach((id, index) => {
    const response = responses[index];
    if (!joinsHistory(response)) return;
    const turns: ConversationTurn[] = [
      { role: 'user', content: prompt },
      { role: 'assistant', content: response.text },
    ];
    next[id] = [...(next[id] ?? []), ...turns];
  });
  return next;
}

/** The length of every panel's history, as appendHistories returns it (a model with none has 0). */
export function historyLengths(histories: Histories, panelIds: readonly string[]): Record<string, number> {
  return Object.fromEntries(panelIds.map((id) => [id, histories[id]?.length ?? 0]));
}

/** Histories cut back to `lengths`; a model whose history becomes empty loses its key. Others are untouched. */
export function truncateHistory(histories: Histories, lengths: Readonly<Record<string, number>>): Histories {
  const next: Histories = { ...histories };
  for (const [id, length] of Object.entries(lengths)) {
    const turns = next[id];
    if (!turns) continue;
    if (length <= 0) delete next[id];
    else if (length < turns.length) next[id] = turns.slice(0, length);
  }
  return next;
}

/** A copy without empty histories, so no model keeps an empty key. */
export function withoutEmpty(histories: Histories): Histories {
  return Object.fromEntries(Object.entries(histories).filter(([, turns]) => turns.length > 0));
}

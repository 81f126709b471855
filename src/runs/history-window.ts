// The part of a model's history it is sent: the last max_history_turns exchanges, starting at a prompt.
import type { ConversationTurn } from '../../store/index.js';
import type { ChatMessage } from './model-adapter.js';

/** A "turn" here is one exchange (the prompt and the answer), so N keeps up to 2N entries. */
export function historyWindow(turns: readonly ConversationTurn[], maxHistoryTurns: number): ConversationTurn[] {
  let kept = maxHistoryTurns > 0 ? turns.slice(-2 * maxHistoryTurns) : [...turns];
  // never open with an answer whose prompt was cut off
  while (kept.length > 0 && kept[0].role !== 'user') kept = kept.slice(1);
  return kept;
}

export function historyMessages(turns: readonly ConversationTurn[]): ChatMessage[] {
  return turns.map((turn) => ({ role: turn.role, content: turn.content }));
}

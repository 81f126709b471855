// One model summarizes its own history, through the same adapter it runs with (no tools, one turn).
import type { ConversationTurn } from '../../store/index.js';
import { formatDuration } from '../../store/index.js';
import type { ModelAdapter, TurnUsage } from './model-adapter.js';
import { historyMessages } from './history-window.js';
import { estimateMessagesTokens, tokensForChars } from './token-estimate.js';

export interface Summary {
  text: string;
  usage: TurnUsage;
}

export async function summarizeHistory(
  adapter: ModelAdapter,
  turns: readonly ConversationTurn[],
  request: { system: string; summarizationPrompt: string; timeoutMs: number; signal?: AbortSignal },
): Promise<Summary> {
  const messages = [...historyMessages(turns), { role: 'user' as const, content: request.summarizationPrompt }];
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  let text = '';
  let usage: TurnUsage | null = null;
  try {
    for await (const event of adapter.streamTurn({ system: request.system, messages, tools: [], signal, purpose: 'summary' })) {
      if (event.type === 'text-delta') text += event.text;
      else if (event.type === 'finish') usage = event.usage;
    }
  } catch (error) {
    if (timeout.aborted) throw new Error(`${adapter.id} timed out after ${formatDuration(request.timeoutMs)} while summarizing`, { cause: error });
    throw error;
  }
  if (text.trim() === '') throw new Error(`${adapter.id} returned an empty summary`);
  return {
    text: text.trim(),
    usage: usage ?? { inputTokens: estimateMessagesTokens(messages, request.system), outputTokens: tokensForChars(text.length) },
  };
}

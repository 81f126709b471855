// A rough token count (about four characters a token) where no real usage exists: the demo models,
// a turn cut short by Esc or a timeout, and the size of a history before auto-compaction.
import type { ChatMessage, ToolCallRequest } from './model-adapter.js';

export function estimateTokens(text: string): number {
  return tokensForChars(text.length);
}

export function tokensForChars(chars: number): number {
  return Math.ceil(chars / 4);
}

export function messageChars(message: ChatMessage): number {
  if (message.role === 'user') return message.content.length;
  if (message.role === 'assistant') return message.content.length + (message.toolCalls ?? []).reduce((n, c) => n + callChars(c), 0);
  return message.results.reduce((n, r) => n + r.output.length, 0);
}

export function callChars(call: ToolCallRequest): number {
  return call.name.length + (JSON.stringify(call.input) ?? '').length;
}

export function estimateMessagesTokens(messages: readonly ChatMessage[], system = ''): number {
  return tokensForChars(system.length + messages.reduce((n, m) => n + messageChars(m), 0));
}

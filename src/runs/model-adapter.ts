// The one interface every model speaks, demo and real alike: stream a single turn. The agent loop,
// tool execution, write interception, max_steps and timeout live outside, the same for all of them.
import type { z } from 'zod';

/** A tool call as the model asked for it; `inputError` is set when its arguments did not even parse. */
export interface ToolCallRequest {
  id: string;
  name: string;
  input: unknown;
  inputError?: string;
}

export interface ToolResult {
  callId: string;
  name: string;
  output: string;
  isError: boolean;
}

/** Provider-neutral conversation; each adapter converts it to its own wire format. */
export type ChatMessage =
  | { role: 'user'; content: string }
  | { role: 'assistant'; content: string; toolCalls?: ToolCallRequest[] }
  | { role: 'tool'; results: ToolResult[] };

/** What the model is told about a tool; the schema both describes and validates the arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  inputSchema: z.ZodType;
}

export interface TurnUsage {
  inputTokens: number;
  outputTokens: number;
  reasoningTokens?: number;
  cacheReadTokens?: number;
  cacheWriteTokens?: number;
}

export type TurnEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; call: ToolCallRequest }
  /** `usage` is null when the endpoint reported none */
  | { type: 'finish'; usage: TurnUsage | null; finishReason: string; /** the provider's usage was implausible and dropped (usage-check.ts) */ usageProblem?: string };

export interface TurnRequest {
  system: string;
  messages: ChatMessage[];
  tools: ToolSpec[];
  signal: AbortSignal;
  /** the demo models answer a summary request differently; real models only see the messages */
  purpose: 'answer' | 'summary';
}

/** Streams one model turn; throws an Error that says what went wrong (an aborted turn may throw or end early). */
export interface ModelAdapter {
  readonly id: string;
  streamTurn(request: TurnRequest): AsyncIterable<TurnEvent>;
}

// Converting between bakeoff's provider-neutral turn and the AI SDK's messages, tools and errors.
import type { JSONSchema7, ModelMessage, Tool } from 'ai';
import * as z from 'zod';
import type { ChatMessage, ToolSpec } from './model-adapter.js';
import { redactSecrets } from '../text/redact-secrets.js';

export function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  return messages.map((message): ModelMessage => {
    if (message.role === 'user') return { role: 'user', content: message.content };
    if (message.role === 'assistant') {
      const calls = message.toolCalls ?? [];
      if (calls.length === 0) return { role: 'assistant', content: message.content };
      return {
        role: 'assistant',
        content: [
          ...(message.content ? [{ type: 'text' as const, text: message.content }] : []),
          // A call whose arguments did not parse is replayed as {}: every wire format wants an object.
          ...calls.map((call) => ({ type: 'tool-call' as const, toolCallId: call.id, toolName: call.name, input: isPlainObject(call.input) ? call.input : {} })),
        ],
      };
    }
    return {
      role: 'tool',
      content: message.results.map((result) => ({
        type: 'tool-result' as const,
        toolCallId: result.callId,
        toolName: result.name,
        output: result.isError ? { type: 'error-text' as const, value: result.output } : { type: 'text' as const, value: result.output },
      })),
    };
  });
}

/**
 * The tools as JSON Schema without a validator and without `execute`: the SDK only parses the JSON
 * arguments and hands the call back, so validation and execution are the agent loop's, as for the demo models.
 */
export function toSdkTools(specs: readonly ToolSpec[], jsonSchema: (schema: JSONSchema7) => Tool['inputSchema']): Record<string, Tool> {
  return Object.fromEntries(
    specs.map((spec) => [spec.name, { description: spec.description, inputSchema: jsonSchema(z.toJSONSchema(spec.inputSchema, { target: 'draft-7', io: 'input' }) as JSONSchema7) }]),
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? (value as Record<string, unknown>)[key] : undefined;
}

/** One line naming the HTTP status and the endpoint when there is one: `HTTP 429 from URL: message`; keys redacted. */
export function describeModelError(error: unknown): string {
  // an error body may echo the key (`Bearer sk-…`) and a URL may carry user:password: neither is stored or shown
  return redactSecrets(describeRawModelError(error));
}

function describeRawModelError(error: unknown): string {
  const errors = field(error, 'errors');
  const attempts = Array.isArray(errors) && errors.length > 1 ? ` (after ${errors.length} attempts)` : '';
  const last = field(error, 'lastError') ?? error;
  const status = field(last, 'statusCode');
  const url = field(last, 'url');
  const message = last instanceof Error ? last.message : String(last);
  if (typeof status === 'number') return `HTTP ${status}${typeof url === 'string' ? ` from ${url}` : ''}${attempts}: ${message}`;
  const cause = field(last, 'cause');
  const causeMessage = cause instanceof Error && !message.includes(cause.message) ? ` (${cause.message})` : '';
  return `${message}${causeMessage}${attempts}`;
}

const overflowPattern = /context[ _-]?(length|window)|maximum context|too many tokens|prompt is too long|context_length_exceeded/i;

/** True when the endpoint refused the request because the conversation does not fit the model. */
export function isContextOverflow(message: string): boolean {
  return overflowPattern.test(message);
}

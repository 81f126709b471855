// One tool call from a model, run: an unknown tool, bad arguments, a refused path or a failed read
// all become an error result the model reads; only cancellation escapes.
import type { EventEntry } from '../../../store/index.js';
import type { ToolCallRequest, ToolResult } from '../model-adapter.js';
import { limitOutput, defaultOutputRule } from '../output-limits.js';
import type { ToolContext } from './tool-types.js';
import type { Toolbox } from './tool-registry.js';
import { redactSecrets } from '../../text/redact-secrets.js';

export interface ToolCallOutcome {
  result: ToolResult;
  event: EventEntry;
  /** the call itself was malformed (unknown tool, arguments that fail the schema) */
  invalid: boolean;
}

export async function runToolCall(toolbox: Toolbox, call: ToolCallRequest, context: ToolContext): Promise<ToolCallOutcome> {
  const fail = (message: string, invalid: boolean): ToolCallOutcome => ({
    result: { callId: call.id, name: call.name, output: message, isError: true },
    event: { type: 'error', data: redactSecrets(`${call.name}: ${message}`) },
    invalid,
  });
  const tool = toolbox.tools.get(call.name);
  if (!tool) return fail(`unknown tool "${call.name}"; the tools here are ${[...toolbox.tools.keys()].join(', ') || 'none'}`, true);
  if (call.inputError !== undefined) return fail(`bad arguments: ${call.inputError}`, true);
  const prepared = tool.prepare(call.input);
  if ('error' in prepared) return fail(`bad arguments: ${prepared.error}`, true);
  try {
    const output = await prepared.run(context);
    const limited = limitOutput(output, toolbox.outputRules[tool.name] ?? defaultOutputRule);
    return { result: { callId: call.id, name: call.name, output: limited, isError: false }, event: { type: tool.kind, data: prepared.summary }, invalid: false };
  } catch (error) {
    if (context.signal.aborted) throw error;
    // an error names what failed (a URL with user:password@, a header echoed back): stored and shown, so redacted
    const message = redactSecrets(error instanceof Error ? error.message : String(error));
    return { ...fail(message, false), event: { type: 'error', data: redactSecrets(`${prepared.summary}: ${message}`) } };
  }
}

// Between a model's outcome, the Store's ModelResponse and the checkpoint's ResponseSnapshot.
import type { ModelResponse, ResponseSnapshot } from '../../store/index.js';
import { CONTEXT_CANCELED, type AgentOutcome, type AgentProgress } from './agent-loop.js';
import { redactSecrets } from '../text/redact-secrets.js';

/** An unknown price is NaN here: the Store leaves it out of costs_usd and of the spend; the panels show "?". */
export function responseFromOutcome(modelId: string, outcome: AgentOutcome): ModelResponse {
  return {
    modelId,
    text: outcome.text,
    latencyMs: outcome.latencyMs,
    inputTokens: outcome.inputTokens,
    outputTokens: outcome.outputTokens,
    reasoningTokens: outcome.reasoningTokens || undefined,
    costUsd: outcome.costUsd ?? Number.NaN,
    proposedWrites: outcome.proposedWrites,
    toolCalls: outcome.toolCalls,
    steps: outcome.steps,
    // stored in the session and the checkpoint, shown in the panel: whatever failed, no key in it
    error: outcome.error === undefined ? undefined : redactSecrets(outcome.error),
    interrupted: outcome.interrupted || undefined,
    stopReason: outcome.stopReason,
  };
}

/** A model still running, as a checkpoint turn boundary records it. */
export function responseInProgress(modelId: string, progress: AgentProgress, latencyMs: number): ModelResponse {
  return {
    modelId,
    text: progress.text,
    latencyMs,
    inputTokens: progress.inputTokens,
    outputTokens: progress.outputTokens,
    reasoningTokens: progress.reasoningTokens || undefined,
    costUsd: progress.costUsd ?? Number.NaN,
    proposedWrites: progress.proposedWrites,
    toolCalls: progress.toolCalls,
    steps: progress.steps,
  };
}

/** A model that has not reported yet: what the checkpoint holds before its first turn ends. */
export function pendingResponse(modelId: string): ModelResponse {
  return { modelId, text: '', latencyMs: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
}

/** A model stopped by Esc before it started (during auto-compaction). */
export function cancelledResponse(modelId: string): ModelResponse {
  return { ...pendingResponse(modelId), error: CONTEXT_CANCELED, interrupted: true, stopReason: 'cancelled' };
}

/** A model that could not start at all (unknown provider, missing key). */
export function failedResponse(modelId: string, error: string): ModelResponse {
  return { modelId, text: '', latencyMs: 0, inputTokens: 0, outputTokens: 0, costUsd: 0, error: redactSecrets(error), stopReason: 'error' };
}

/** A completed model kept from a checkpoint by /resume. */
export function responseFromSnapshot(snap: ResponseSnapshot): ModelResponse {
  return {
    modelId: snap.model_id,
    text: snap.text ?? '',
    latencyMs: snap.latency_ms,
    inputTokens: snap.input_tokens,
    outputTokens: snap.output_tokens,
    reasoningTokens: snap.reasoning_tokens,
    costUsd: snap.cost_usd,
    proposedWrites: snap.proposed_writes?.map((w) => ({ path: w.path, content: w.content, ...(w.delete ? { delete: true } : {}) })),
    toolCalls: snap.tool_calls,
    stopReason: 'complete',
  };
}

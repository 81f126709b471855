// The records a run leaves in the session files, built from the in-process responses.
import type { ModelRunContent, RunContent, RunSummary, SessionContent, SessionMetadata } from './schemas.js';
import { runSummarySchema } from './schemas.js';
import type { EventCollector, ModelResponse, SelectionParams } from './types.js';
import { preview, previewBytes, promptHash } from './text.js';

const REWOUND = '[rewound]';

/** A per-model map, or undefined (left out of the file) when no model has a value worth writing. */
function perModel<T>(responses: readonly ModelResponse[], pick: (r: ModelResponse) => T | undefined): Record<string, T> | undefined {
  const entries = responses.flatMap((r) => {
    const value = pick(r);
    return value === undefined ? [] : [[r.modelId, value] as const];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

export function runSummaryFor(prompt: string, responses: readonly ModelResponse[], configHash: string, timestamp: string, blind = false): RunSummary {
  return {
    timestamp,
    prompt_hash: promptHash(prompt),
    prompt_preview: previewBytes(prompt),
    models: responses.map((r) => r.modelId),
    latencies_ms: perModel(responses, (r) => Math.round(r.latencyMs)),
    costs_usd: perModel(responses, (r) => (Number.isFinite(r.costUsd) ? r.costUsd : undefined)),
    input_tokens: perModel(responses, (r) => r.inputTokens),
    output_tokens: perModel(responses, (r) => r.outputTokens),
    tool_calls: perModel(responses, (r) => (r.toolCalls && Object.keys(r.toolCalls).length > 0 ? r.toolCalls : undefined)),
    proposed_writes_count: perModel(responses, (r) => r.proposedWrites?.length || undefined),
    config_hash: configHash || undefined,
    // bakeoff only (Errata ignores it): written only when true, so other runs stay byte-identical to Errata's
    ...(blind ? { blind: true } : {}),
  };
}

export function runContentFor(prompt: string, responses: readonly ModelResponse[], collector: EventCollector | null): RunContent {
  return {
    prompt,
    prompt_hash: promptHash(prompt),
    models: responses.map(
      (r): ModelRunContent => ({
        model_id: r.modelId,
        text: r.text,
        proposed_writes: r.proposedWrites?.length
          ? r.proposedWrites.map((w) => ({ path: w.path, content: w.content, delete: w.delete || undefined }))
          : undefined,
        events: collector?.events(r.modelId) ?? [],
        stop_reason: r.stopReason || undefined,
        steps: r.steps || undefined,
        reasoning_tokens: r.reasoningTokens || undefined,
      }),
    ),
  };
}

export interface NewRun {
  prompt: string;
  responses: readonly ModelResponse[];
  collector: EventCollector | null;
  /** '' without a recipe store: the session keeps its config_hash */
  configHash: string;
  timestamp: string;
  blind?: boolean;
}

/** The session files after a new run: its summary and content appended, the prompts, count and models updated. */
export function withNewRun(meta: SessionMetadata, content: SessionContent, run: NewRun): { meta: SessionMetadata; content: SessionContent } {
  const { prompt, responses, configHash, timestamp } = run;
  return {
    meta: {
      ...meta,
      last_active_at: timestamp,
      models: [...new Set([...(meta.models ?? []), ...responses.map((r) => r.modelId)])],
      first_prompt: meta.first_prompt || preview(prompt),
      last_prompt: preview(prompt),
      prompt_count: meta.prompt_count + 1,
      config_hash: configHash || meta.config_hash,
      runs: [...meta.runs, runSummaryFor(prompt, responses, configHash, timestamp, run.blind)],
    },
    content: { ...content, runs: [...content.runs, runContentFor(prompt, responses, run.collector)] },
  };
}

/** The marker a rewind appends: stats cancel the nearest older run with the same prompt hash. */
export function rewindMarker(prompt: string, timestamp: string): RunSummary {
  return { timestamp, prompt_hash: promptHash(prompt), prompt_preview: '', models: null, type: 'rewind' };
}

export function rewoundNote(note: string | undefined): string {
  return note ? `${REWOUND} ${note}` : REWOUND;
}

export function isRewound(run: RunSummary): boolean {
  return run.note?.startsWith(REWOUND) ?? false;
}

/** A changed copy in the listed key order (records are immutable once written: see json-cache.ts). */
export function changedRun(run: RunSummary, changes: Partial<RunSummary>): RunSummary {
  const merged: Partial<RunSummary> = { ...run, ...changes };
  const ordered = Object.fromEntries(Object.keys(runSummarySchema.shape).map((key) => [key, merged[key as keyof RunSummary]]));
  return ordered as RunSummary;
}

export function selectionChanges(p: SelectionParams): Partial<RunSummary> {
  const changes: Partial<RunSummary> = { selected: p.selectedModelId || undefined, rating: p.rating || undefined };
  if (p.appliedFiles?.length) changes.applied_files = [...p.appliedFiles];
  return changes;
}

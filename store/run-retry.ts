// A retry of the newest run's failed models: their new figures and content replace the failed ones in the
// run already recorded (the same run, not a new one), and those that answered join the histories.
import type { SessionContent, SessionMetadata } from './schemas.js';
import type { EventCollector, ModelResponse } from './types.js';
import { appendHistory } from './history.js';
import { changedRun, runContentFor, runSummaryFor } from './run-records.js';
import { promptHash } from './text.js';

export function withRetriedModels(
  meta: SessionMetadata,
  content: SessionContent,
  prompt: string,
  responses: readonly ModelResponse[],
  retried: readonly string[],
  collector: EventCollector | null,
): { meta: SessionMetadata; content: SessionContent } {
  const runIndex = meta.runs.length - 1;
  const run = meta.runs[runIndex];
  const runContent = content.runs.at(-1);
  const hash = promptHash(prompt);
  if (!run || run.type === 'rewind' || run.prompt_hash !== hash || runContent?.prompt_hash !== hash) {
    throw new Error('the run to retry is no longer the newest run of the session');
  }
  const again = new Set(retried);
  const fresh = runSummaryFor(prompt, responses, run.config_hash ?? '', run.timestamp, run.blind === true);
  const runs = [...meta.runs];
  runs[runIndex] = changedRun(run, {
    latencies_ms: fresh.latencies_ms,
    costs_usd: fresh.costs_usd,
    input_tokens: fresh.input_tokens,
    output_tokens: fresh.output_tokens,
    tool_calls: fresh.tool_calls,
    proposed_writes_count: fresh.proposed_writes_count,
  });
  // the kept models keep their recorded content (events, stop reason) as it was
  const retriedContent = new Map(runContentFor(prompt, responses.filter((r) => again.has(r.modelId)), collector).models.map((m) => [m.model_id, m]));
  const models = runContent.models.map((m) => retriedContent.get(m.model_id) ?? m);
  const answered = responses.filter((r) => again.has(r.modelId));
  return {
    meta: { ...meta, runs },
    content: {
      ...content,
      runs: [...content.runs.slice(0, -1), { ...runContent, models }],
      histories: appendHistory(content.histories, answered.map((r) => r.modelId), answered, prompt),
    },
  };
}

// Feed items: what the scrollback shows of finished runs, rebuilt from the session's files on --resume
// and built from a CompletedRun after the user's pick.
import type { ModelResponse, RunContent, RunSummary, SessionContent, SessionMetadata } from '../../store/index.js';
import type { CompletedRun } from '../runs/types.js';
import { redactSecrets } from '../text/redact-secrets.js';
import type { FeedItem, FeedMessageItem, FeedModelLine, FeedRunItem, ModelOutcome } from '../../components/types.js';

let keyCounter = 0;
/** <Static> needs a key per item that never repeats, even after /clear brings back old items. */
export function nextFeedKey(prefix: string): string {
  keyCounter += 1;
  return `${prefix}-${keyCounter}`;
}

/** A message for the feed; an error or a warning (which may quote what failed) is redacted of secrets. */
export function feedMessage(level: FeedMessageItem['level'], text: string): FeedMessageItem {
  return { kind: 'message', key: nextFeedKey('msg'), level, text: level === 'info' ? text : redactSecrets(text) };
}

function outcomeOfStopReason(stopReason: string | undefined): ModelOutcome {
  if (stopReason === 'error') return 'failed';
  if (stopReason === 'cancelled') return 'cancelled';
  return 'ok';
}

function outcomeOfResponse(response: ModelResponse): ModelOutcome {
  // an interrupted model carries Errata's `context canceled` error: it was stopped, it did not fail
  if (response.interrupted || response.stopReason === 'cancelled') return 'cancelled';
  if (response.error) return 'failed';
  return 'ok';
}

/** The feed item of a run that just ended and was picked from (or skipped). */
export function feedItemFromRun(run: CompletedRun, note: string, selected: string, unknownPriceModels: ReadonlySet<string>): FeedRunItem {
  return {
    kind: 'run',
    key: nextFeedKey('run'),
    prompt: run.prompt,
    note,
    feedIndex: run.feedIndex,
    models: run.responses.map(
      (r): FeedModelLine => ({
        modelId: r.modelId,
        outcome: outcomeOfResponse(r),
        latencyMs: r.latencyMs,
        inputTokens: r.inputTokens,
        outputTokens: r.outputTokens,
        costUsd: unknownPriceModels.has(r.modelId) ? null : r.costUsd,
        selected: r.modelId === selected,
        error: r.error || undefined,
      }),
    ),
  };
}

function modelLinesFromSummary(summary: RunSummary, content: RunContent | undefined): FeedModelLine[] {
  return (summary.models ?? []).map((modelId) => {
    const modelContent = content?.models.find((m) => m.model_id === modelId);
    const cost = summary.costs_usd?.[modelId];
    return {
      modelId,
      outcome: outcomeOfStopReason(modelContent?.stop_reason),
      latencyMs: summary.latencies_ms?.[modelId] ?? 0,
      inputTokens: summary.input_tokens?.[modelId] ?? 0,
      outputTokens: summary.output_tokens?.[modelId] ?? 0,
      costUsd: typeof cost === 'number' ? cost : null,
      selected: summary.selected === modelId,
    };
  });
}

/** A resumed session shows its newest runs: older answers stay on disk, undecoded (`bakeoff show` lists every run). */
export const RESUMED_RUNS_SHOWN = 30;

/**
 * The feed of a resumed session: its newest `shown` runs. Rewind markers live only in the metadata, so the
 * n-th run that is not a marker pairs with the n-th run of the content (checked by prompt hash; the preview
 * stands in otherwise).
 */
export function feedFromSession(metadata: SessionMetadata, content: SessionContent, shown = RESUMED_RUNS_SHOWN): { items: FeedRunItem[]; hidden: number } {
  const items: FeedRunItem[] = [];
  const runCount = metadata.runs.filter((summary) => summary.type !== 'rewind').length;
  const hidden = Math.max(0, runCount - shown);
  let contentIndex = 0;
  metadata.runs.forEach((summary, feedIndex) => {
    if (summary.type === 'rewind') return;
    contentIndex += 1;
    if (contentIndex <= hidden) return;
    const candidate = content.runs[contentIndex - 1];
    const runContent = candidate?.prompt_hash === summary.prompt_hash ? candidate : undefined;
    items.push({
      kind: 'run',
      key: nextFeedKey('run'),
      prompt: runContent?.prompt ?? summary.prompt_preview,
      note: summary.note ?? '',
      feedIndex,
      models: modelLinesFromSummary(summary, runContent),
    });
  });
  return { items, hidden };
}

/** The feed with the run at `feedIndex` carrying its new note (a rewind); a fresh key makes <Static> print it again. */
export function annotateRun(items: readonly FeedItem[], feedIndex: number, note: string): FeedItem[] {
  return items.map((item) => (item.kind === 'run' && item.feedIndex === feedIndex ? { ...item, note, key: nextFeedKey('run') } : item));
}

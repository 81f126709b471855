// What `bakeoff run` prints on stdout when the run is over: one block per model (a header with its status,
// latency, tokens, cost and proposed files, then its answer) and what was picked; or, with --json, one object.
import type { ModelResponse } from '../../../store/index.js';
import { formatDurationMs, formatUsd } from '../format.js';
import { visibleLine, visibleText } from '../../text/visible-text.js';
import { disguised, inLabelOrder, maskNames, revealLine, type BlindLabels } from '../../session/blind-labels.js';

export interface RunReport {
  sessionId: string;
  /** the run's number as `bakeoff show` prints it */
  runNumber: number;
  responses: ModelResponse[];
  /** blind mode: the run's labels (the answers are shown by them, names revealed after the pick); null otherwise */
  labels: BlindLabels | null;
  /** the model kept, or null (--pick none, or the pick could not be made) */
  picked: string | null;
  /** the run's note, as the app shows it (`Applied: a.txt`, `Voted for: …`, `Skipped.`); '' when none */
  note: string;
  appliedFiles: string[];
}

export interface ResponseJson {
  model: string;
  /** blind mode only: `Model A`, … (the responses come in label order, names masked in `text` and `error`) */
  label?: string;
  ok: boolean;
  text: string;
  latency_ms: number;
  input_tokens: number;
  output_tokens: number;
  /** null when the model's price is unknown */
  cost_usd: number | null;
  tool_calls: Record<string, number>;
  proposed_writes: string[];
  error: string | null;
}

export interface RunJson {
  session_id: string;
  run: number;
  /** blind mode only: true */
  blind?: true;
  responses: ResponseJson[];
  picked: string | null;
  applied_files: string[];
}

/** A model answered when it ended on its own, without an error (it may still have said nothing). */
export function answered(response: ModelResponse): boolean {
  return !response.error && !response.interrupted;
}

const knownCost = (response: ModelResponse): number | null => (Number.isFinite(response.costUsd) ? response.costUsd : null);

export function runJson(report: RunReport): RunJson {
  const { labels } = report;
  const mask = (text: string) => (labels ? maskNames(labels, text) : text);
  const responses = labels ? inLabelOrder(labels, report.responses) : report.responses;
  return {
    session_id: report.sessionId,
    run: report.runNumber,
    ...(labels ? { blind: true as const } : {}),
    responses: responses.map((response) => ({
      model: response.modelId,
      ...(labels ? { label: labels.labelOf.get(response.modelId) ?? mask(response.modelId) } : {}),
      ok: answered(response),
      text: mask(response.text),
      latency_ms: Math.round(response.latencyMs),
      input_tokens: response.inputTokens,
      output_tokens: response.outputTokens,
      cost_usd: knownCost(response),
      tool_calls: { ...(response.toolCalls ?? {}) },
      proposed_writes: (response.proposedWrites ?? []).map((write) => write.path),
      error: response.error ? mask(response.error) : null,
    })),
    picked: report.picked,
    applied_files: [...report.appliedFiles],
  };
}

/** Blind mode: the blocks by label, then the pick (named, with its label) and the line that reveals the others. */
export function runText(report: RunReport): string {
  const { labels, picked } = report;
  const blocks = (labels ? disguised(labels, report.responses) : report.responses).map(modelBlock);
  const label = picked !== null && labels?.labelOf.get(picked);
  const pickedLine = picked === null ? 'Picked: none' : `Picked: ${visibleLine(picked)}${label ? ` (${label})` : ''}`;
  const note = report.note ? ` · ${visibleLine(report.note)}` : '';
  const reveal = labels ? `\n${visibleLine(revealLine(labels))}` : '';
  const footer = `${pickedLine}${note}${reveal}\nSession ${report.sessionId} · run #${report.runNumber} · bakeoff show ${report.sessionId}`;
  return [...blocks, footer].join('\n\n') + '\n';
}

function modelBlock(response: ModelResponse): string {
  const cost = knownCost(response);
  const writes = (response.proposedWrites ?? []).map((write) => visibleLine(write.delete ? `-${write.path}` : write.path));
  const facts = [
    answered(response) ? 'done' : 'failed',
    formatDurationMs(response.latencyMs),
    `${response.inputTokens}→${response.outputTokens} tok`,
    cost === null ? '$?' : formatUsd(cost),
    writes.length > 0 ? `writes: ${writes.join(', ')}` : 'no writes',
  ];
  const header = `── ${visibleLine(response.modelId)} · ${facts.join(' · ')}`;
  // a failed model's partial text first, then why it failed
  const lines = [visibleText(response.text.trimEnd()), response.error ? `error: ${visibleLine(response.error)}` : ''].filter((line) => line !== '');
  return `${header}\n${lines.join('\n') || '(no text)'}`;
}

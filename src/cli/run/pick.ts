// What `--pick` keeps after a headless run: the fastest or the cheapest of the answers the app would offer,
// a named model, or nothing. Only the answers the app lists as pickable can be picked here too.
import type { SelectionOption } from '../../../components/types.js';
import type { CompletedRun } from '../../runs/types.js';

export type PickRule = { kind: 'fastest' } | { kind: 'cheapest' } | { kind: 'none' } | { kind: 'model'; modelId: string };

/** `fastest`, `cheapest`, `none`, or a model id (checked against the run's models by the caller). */
export function parsePickRule(text: string): PickRule {
  const value = text.trim();
  if (value === 'fastest' || value === 'cheapest' || value === 'none') return { kind: value };
  return { kind: 'model', modelId: value };
}

/** The model to keep, or why none can be kept. `options` are the app's choices, fastest first. */
export function modelToPick(rule: Exclude<PickRule, { kind: 'none' }>, options: readonly SelectionOption[], run: CompletedRun): { modelId: string } | { problem: string } {
  if (rule.kind === 'model') {
    if (options.some((option) => option.modelId === rule.modelId)) return { modelId: rule.modelId };
    const response = run.responses.find((r) => r.modelId === rule.modelId);
    if (response?.error) return { problem: `cannot pick ${rule.modelId}: it failed (${response.error})` };
    return { problem: `cannot pick ${rule.modelId}: it gave no answer` };
  }
  if (options.length === 0) return { problem: `cannot pick the ${rule.kind} answer: no model answered` };
  if (rule.kind === 'fastest') return { modelId: options[0].modelId };
  // the options are fastest first, so of two equally cheap answers the faster wins
  const priced = options.filter((option): option is SelectionOption & { costUsd: number } => option.costUsd !== null && Number.isFinite(option.costUsd));
  if (priced.length === 0) return { problem: 'cannot pick the cheapest answer: no answering model has a known price' };
  return { modelId: priced.reduce((best, option) => (option.costUsd < best.costUsd ? option : best)).modelId };
}

// /retry at the pick: the run again with only its failed (or timed-out) models, the others kept as they are.
import { responseSnapshot } from '../../store/index.js';
import type { Checkpoint } from '../../store/index.js';
import type { CompletedRun } from './types.js';

/** The models whose response failed: an error, a timeout (also an error), a model that could not start. */
export function failedModels(run: CompletedRun): string[] {
  return run.responses.filter((response) => Boolean(response.error)).map((response) => response.modelId);
}

/** The checkpoint a retry runs from: the OK answers completed (kept), the failed ones to run again; null when none failed. */
export function retryCheckpoint(run: CompletedRun, verbose: boolean, timestamp: string): Checkpoint | null {
  if (failedModels(run).length === 0) return null;
  return {
    prompt: run.prompt,
    timestamp,
    adapter_ids: run.responses.map((response) => response.modelId),
    responses: run.responses.map(responseSnapshot),
    verbose,
  };
}

// Which answers of a run the user may keep or rate: only an OK one (no error, not cut off, something said or
// proposed). The pick list, the rating keys and applyChoice all ask here, so a failure can never be rated.
import type { ModelResponse } from '../../store/index.js';
import type { CompletedRun } from './types.js';

export function isPickable(response: ModelResponse): boolean {
  return !response.error && !response.interrupted && (response.text.trim() !== '' || (response.proposedWrites?.length ?? 0) > 0);
}

/** A run of one model can be rated instead of picked, when that model answered. */
export function canRate(run: CompletedRun): boolean {
  return run.responses.length === 1 && isPickable(run.responses[0]);
}

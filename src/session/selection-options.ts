// After a run: which responses can be kept (the OK ones, fastest first, numbered). The app's pick list and
// `bakeoff run --pick` both choose among these.
import { writeLabel } from '../text/write-label.js';
import type { CompletedRun } from '../runs/types.js';
import type { SelectionOption } from '../../components/types.js';
import { isPickable } from '../runs/pickable.js';

export function selectionOptions(run: CompletedRun, unknownPriceModels: ReadonlySet<string>): SelectionOption[] {
  return run.responses
    .filter(isPickable)
    .sort((a, b) => a.latencyMs - b.latencyMs)
    .map((r, index) => ({
      number: index + 1,
      modelId: r.modelId,
      latencyMs: r.latencyMs,
      outputTokens: r.outputTokens,
      costUsd: unknownPriceModels.has(r.modelId) ? null : r.costUsd,
      writes: (r.proposedWrites ?? []).map(writeLabel),
    }));
}

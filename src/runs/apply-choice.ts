// The user's choice after a run: pick an answer (its proposed writes are applied, with snapshots so
// rewind can undo them), skip, or rate a single-model run. Each leaves its note on the run.
import type { FileSnapshot, Store } from '../../store/index.js';
import { ApplyError, RestoreError, applyWritesAtomically, restoreSnapshots } from '../../store/index.js';
import type { Choice, CompletedRun } from './types.js';
import { dataDirsOf } from './data-dirs.js';
import { ApplyConflictError, conflictsSince } from './apply-conflicts.js';
import { canRate, isPickable } from './pickable.js';

export interface ChoiceResult {
  note: string;
  /** the files written or deleted, relative to the project root */
  applied: string[];
}

export async function applyChoice(store: Store, run: CompletedRun, choice: Choice, projectRoot: string): Promise<ChoiceResult> {
  // a cancelled run is not in the feed: recording a choice would change the previous run's record
  if (run.cancelled || run.feedIndex < 0) throw new Error('this run was interrupted and is not recorded yet: /resume it first');
  if (choice.kind === 'skip') return noted(store, 'Skipped.', []);
  if (choice.kind === 'rate') {
    if (!canRate(run)) throw new Error('only the answer of a one-model run can be rated, and this run has none');
    // as Errata records a rating: the rated model is `selected`, with the rating and `Rated good: <model>`
    const rated = run.responses[0];
    await store.recordSelection({ prompt: run.prompt, selectedModelId: rated.modelId, responses: run.responses, appliedFiles: null, rating: choice.rating });
    return noted(store, `Rated ${choice.rating}: ${rated.modelId}`, []);
  }
  const picked = run.responses.find((response) => response.modelId === choice.modelId);
  if (!picked) throw new Error(`no answer from ${choice.modelId} in this run (models: ${run.responses.map((r) => r.modelId).join(', ')})`);
  if (!isPickable(picked)) throw new Error(`cannot pick ${choice.modelId}: ${picked.error ? `it failed (${picked.error})` : 'it gave no answer'}`);
  const writes = picked.proposedWrites ?? [];
  if (writes.length === 0) {
    await store.recordSelection({ prompt: run.prompt, selectedModelId: picked.modelId, responses: run.responses, appliedFiles: null, rating: '' });
    return noted(store, `Voted for: ${picked.modelId}`, []);
  }
  // a file the user changed while the models worked is theirs: applying over it needs a second word
  if (!choice.force) {
    const conflicts = await conflictsSince(writes, projectRoot, run.startedAt, dataDirsOf(store));
    if (conflicts.length > 0) throw new ApplyConflictError(conflicts);
  }
  // all or nothing: a refused path throws before anything is touched, a failed write puts back what was written
  let outcome;
  try {
    outcome = await applyWritesAtomically(writes, projectRoot, { dataDirs: dataDirsOf(store) });
  } catch (error) {
    // files that could not be put back hold the model's content: the rewind entry must know, so rewind can undo them
    if (error instanceof ApplyError && error.leftWritten.length > 0) await store.pushFileSnapshots(error.leftWritten);
    throw error;
  }
  const { applied, snapshots } = outcome;
  // after applying: the store also notes what was written, to tell later edits from ours. Without that rewind
  // entry the pick could not be undone, so when it cannot be recorded the files go back and nothing is applied.
  try {
    await store.pushFileSnapshots(snapshots);
  } catch (error) {
    throw await undoneForLackOfRewind(error, snapshots, projectRoot, applied);
  }
  await store.recordSelection({ prompt: run.prompt, selectedModelId: picked.modelId, responses: run.responses, appliedFiles: applied, rating: '' });
  return noted(store, `Applied: ${applied.join(', ')}`, applied);
}

async function noted(store: Store, note: string, applied: string[]): Promise<ChoiceResult> {
  await store.updateLastRunNote(note);
  return { note, applied };
}

async function undoneForLackOfRewind(error: unknown, snapshots: FileSnapshot[], projectRoot: string, applied: string[]): Promise<Error> {
  const why = `could not record the rewind snapshots (${error instanceof Error ? error.message : String(error)})`;
  try {
    await restoreSnapshots(snapshots, projectRoot);
    return new Error(`${why}; nothing was applied (${applied.join(', ')} put back)`, { cause: error });
  } catch (restoreError) {
    const failed = restoreError instanceof RestoreError ? restoreError.failures.map((f) => `${f.path} (${f.reason})`).join(', ') : String(restoreError);
    return new Error(`${why}, and could not put back ${failed}`, { cause: error });
  }
}


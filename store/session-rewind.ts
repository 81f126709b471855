// Rewind, the Store's helper: undoes runs from the rewind stack (rewind.json), putting back their files, cutting
// the histories and marking the runs the way Errata does; every rewind is remembered for redo.
import type { FileSnapshot, RewindEntry, RewindItem, RewindOutcome, RewindResult } from './types.js';
import type { RewindRecord, RewindStack } from './rewind-stack.js';
import type { SessionState } from './session-state.js';
import type { SessionRedo } from './manage/session-redo.js';
import { planRewind, RewindDriftError } from './rewind-plan.js';
import type { RewindMode, RewindPlan } from './rewind-plan.js';
import { markUndone, restorePlanFiles } from './rewind-apply.js';
import { truncateHistory } from './history.js';
import { nowTimestamp } from './timestamp.js';

export class SessionRewind {
  constructor(
    private readonly state: SessionState,
    private readonly stack: RewindStack,
    private readonly redo: SessionRedo,
    private readonly projectRoot: () => string,
  ) {}

  get length(): number {
    return this.stack.length;
  }

  push(entry: RewindEntry): Promise<void> {
    return this.state.track(this.stack.push(entry, this.projectRoot()));
  }

  attachSnapshots(snaps: FileSnapshot[] | null): Promise<void> {
    return this.state.track(this.stack.attachSnapshots(snaps));
  }

  clear(): Promise<void> {
    return this.state.track(this.stack.clear());
  }

  idle(): Promise<void> {
    return this.stack.idle();
  }

  /** The undoable runs, newest first: what the rewind picker lists. */
  entries(): RewindItem[] {
    return [...this.stack.records()].reverse().map((record) => {
      const run = this.state.meta.runs[record.feed_index];
      return {
        feedIndex: record.feed_index,
        prompt: record.prompt,
        timestamp: run?.timestamp ?? '',
        selected: run?.selected ?? '',
        historyLengths: record.history_lengths,
        files: (record.files ?? []).map((f) => ({ path: f.path, created: f.before === null, deleted: f.after === null })),
      };
    });
  }

  /** What undoing run `feedIndex` and every later one would do, without doing it. */
  async plan(feedIndex: number, mode: RewindMode): Promise<RewindPlan> {
    await this.stack.idle();
    return planRewind(this.stack, this.undoableFrom(feedIndex).records, this.state.histories, mode, this.projectRoot());
  }

  /** Undoes run `feedIndex` and every later one; RewindDriftError (nothing changed) on drifted files unless `allowDrift`. */
  async rewindTo(feedIndex: number, mode: RewindMode, options: { allowDrift?: boolean }): Promise<RewindOutcome> {
    await this.stack.idle();
    const { position, records } = this.undoableFrom(feedIndex);
    const plan = await planRewind(this.stack, records, this.state.histories, mode, this.projectRoot());
    const drifted = plan.files.filter((file) => file.drifted).map((file) => file.path);
    if (drifted.length > 0 && !options.allowDrift) throw new RewindDriftError(drifted);
    const capture = await this.redo.capture(plan);
    const popped = this.stack.records().slice(position);
    const fileMsg = await restorePlanFiles(plan);
    if (mode !== 'code') this.state.replaceHistories(truncateHistory(this.state.histories, plan.historyLengths));
    const truncated = mode === 'code' ? Promise.resolve() : this.state.saveContent();
    const timestamp = nowTimestamp();
    const { runs, undone } = markUndone(this.state.meta.runs, plan, timestamp);
    this.state.meta = { ...this.state.meta, last_active_at: timestamp, runs };
    const redoMsg = await this.redo.remember(capture, plan, popped, async () => {
      await Promise.all([truncated, this.state.saveMetadata(), this.state.track(this.stack.popFrom(position))]);
    });
    return { plan, fileMsg: fileMsg + redoMsg, undone, restoredPrompt: plan.runs[plan.runs.length - 1].prompt };
  }

  /** Undoes the newest run, whatever its files became since. */
  async rewindNewest(): Promise<RewindResult> {
    await this.stack.idle();
    const top = this.stack.records().at(-1);
    if (!top) throw new Error('nothing to rewind');
    const { fileMsg, undone } = await this.rewindTo(top.feed_index, 'both', { allowDrift: true });
    return { fileMsg, feedIndex: top.feed_index, note: undone[0].note };
  }

  /** The stack position of run `feedIndex` and the records from it to the top, newest first. */
  private undoableFrom(feedIndex: number): { position: number; records: RewindRecord[] } {
    const all = this.stack.records();
    const position = all.findIndex((record) => record.feed_index === feedIndex);
    if (position < 0) throw new Error(`run ${feedIndex} of session ${this.state.sessionId} cannot be undone (it is not on the rewind stack)`);
    return { position, records: all.slice(position).reverse() };
  }
}

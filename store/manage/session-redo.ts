// Redo, the Store's helper: what each rewind took is remembered on the redo stack (redo.json) while the rewind
// happens, and a redo puts it back exactly: the project files, session_metadata.json byte for byte, the removed
// turns, the undone runs on the rewind stack. Anything else that changes the session discards it.
import type { RewindRecord, RewindStack } from '../rewind-stack.js';
import type { RewindPlan } from '../rewind-plan.js';
import type { SessionState } from '../session-state.js';
import { RedoStack } from '../redo-stack.js';
import { captureBeforeRewind, historiesBeforeRewind, planRedo, redoRecordFor, RedoDriftError, RedoStaleError, storeRedoBlobs } from '../redo-plan.js';
import type { RedoPlan, RewindCapture } from '../redo-plan.js';
import { snapshotsByRoot } from '../rewind-apply.js';
import { restoreSnapshots } from '../file-snapshots.js';
import { metadataPieces, parseMetadata } from '../session-files.js';

export interface RedoResult {
  plan: RedoPlan;
  /** the runs put back, newest first, with their notes as they are again */
  redone: { feedIndex: number; note: string }[];
}

export class SessionRedo {
  constructor(
    private readonly state: SessionState,
    private readonly stack: RedoStack,
    private readonly rewindStack: RewindStack,
  ) {
    // the snapshots of undone runs stay while a redo may put those runs back
    rewindStack.keepReferencedBy(() => stack.referenced());
  }

  /** How many rewinds can be redone. */
  get depth(): number {
    return this.stack.length;
  }

  /** What a rewind following `plan` is about to take, read before it changes anything. */
  async capture(plan: RewindPlan): Promise<RewindCapture> {
    await this.state.idle();
    return captureBeforeRewind(this.state.paths.metadataPath, () => Buffer.concat(metadataPieces(this.state.meta)), this.state.histories, plan);
  }

  /**
   * Remembers the rewind that just changed the session (`popped`: the rewind stack's records it undoes). The
   * record is on the redo stack before `release` lets the rewind stack drop the undone runs' snapshots.
   * Resolves to '' or ` (redo unavailable: …)`: the rewind itself has happened either way.
   */
  async remember(capture: RewindCapture, plan: RewindPlan, popped: readonly RewindRecord[], release: () => Promise<void>): Promise<string> {
    const record = await redoRecordFor(capture, plan, popped, metadataPieces(this.state.meta));
    const saved = this.stack.push(record);
    saved.catch(() => undefined);
    await release();
    return Promise.all([storeRedoBlobs(this.rewindStack.blobs, capture, plan), saved]).then(
      () => '',
      (error: Error) => ` (redo unavailable: ${error.message})`,
    );
  }

  /** What redoing the newest rewind would do; RedoStaleError (and nothing to redo any more) when the session changed since. */
  async plan(): Promise<RedoPlan> {
    await Promise.all([this.rewindStack.idle(), this.stack.idle(), this.state.idle()]);
    const record = this.stack.top();
    // as the app says it: a new run (or /clear, /compact…) empties the stack, so "nothing" needs its reason
    if (!record) throw new Error(`session ${this.state.sessionId} has nothing to redo (a redo is possible after a rewind, until a new run starts)`);
    return planRedo(this.rewindStack.blobs, record, this.state.paths.metadataPath, this.state.sessionId).catch(async (error: unknown) => {
      if (error instanceof RedoStaleError) await this.discard().catch(() => undefined);
      throw error;
    });
  }

  /** Redoes the newest rewind; RedoDriftError (nothing changed) when one of its files changed since, unless `allowDrift`. */
  async redo(options: { allowDrift?: boolean } = {}): Promise<RedoResult> {
    const plan = await this.plan();
    const drifted = plan.files.filter((file) => file.drifted).map((file) => file.path);
    if (drifted.length > 0 && !options.allowDrift) throw new RedoDriftError(drifted);
    const { record } = plan;
    const { sessionId, paths } = this.state;
    const meta = parseMetadata(paths.metadataPath, plan.metadataBytes, { keepEncodings: true });
    if (meta.id !== sessionId) throw new Error(`the stored metadata of the rewind names session ${meta.id}, not ${sessionId}`);
    await restoreRedoFiles(plan);
    const writes = [this.state.restoreMetadata(meta, plan.metadataBytes)];
    if (record.mode !== 'code') {
      this.state.replaceHistories(historiesBeforeRewind(this.state.histories, record, RedoStack.redoPath(paths.dir)));
      writes.push(this.state.saveContent());
    }
    await Promise.all(writes);
    await this.state.track(this.rewindStack.pushBack(record.records));
    await this.state.track(this.stack.pop());
    await this.rewindStack.collect();
    const redone = record.records.map((r) => ({ feedIndex: r.feed_index, note: this.state.meta.runs[r.feed_index]?.note ?? '' })).reverse();
    return { plan, redone };
  }

  /** A new run (or anything else that changes the session) ends what a redo could put back. */
  discard(): Promise<void> {
    if (this.stack.length === 0) return Promise.resolve();
    return this.state.track(this.stack.clear().then(() => this.rewindStack.collect()));
  }

  idle(): Promise<void> {
    return this.stack.idle();
  }
}

/** Every file of the plan as it was before the rewind, each in the project root its run wrote to; stops at the first failure. */
async function restoreRedoFiles(plan: RedoPlan): Promise<void> {
  for (const [root, snaps] of snapshotsByRoot(plan.files)) await restoreSnapshots(snaps, root);
}

// The Store: the single owner of a session's state. Every mutator changes memory at once and returns
// a Promise that resolves when the change is durable; the files it keeps are those of data-format.md.
import { dirname, join } from 'node:path';
import type { Checkpoint, ConversationTurn, Histories, RecipeSnapshot, SessionContent, SessionMetadata } from './schemas.js';
import type { EventCollector, FileSnapshot, ModelResponse, Recipe, RewindEntry, RewindItem, RewindOutcome, RewindResult, SelectionParams, StoreOptions } from './types.js';
import { DurableFile } from './durable-file.js';
import { contentPieces, metadataPieces } from './session-files.js';
import { PromptHistory } from './prompt-history.js';
import { clearCheckpoint, loadCheckpoint } from './checkpoint.js';
import { appendHistory, historyLengths, truncateHistory, withoutEmpty } from './history.js';
import { changedRun, runContentFor, runSummaryFor, selectionChanges } from './run-records.js';
import { withRetriedModels } from './run-retry.js';
import { RewindStack } from './rewind-stack.js';
import type { RewindRecord } from './rewind-stack.js';
import { planRewind, RewindDriftError } from './rewind-plan.js';
import type { RewindMode, RewindPlan } from './rewind-plan.js';
import { markUndone, restorePlanFiles } from './rewind-apply.js';
import { RedoStack } from './redo-stack.js';
import { captureBeforeRewind, historiesBeforeRewind, planRedo, redoRecordFor, RedoDriftError, RedoStaleError, storeRedoBlobs } from './redo-plan.js';
import type { RedoPlan } from './redo-plan.js';
import { restoreSnapshots } from './file-snapshots.js';
import { parseMetadata } from './session-files.js';
import { writeTitle } from './manage/session-title.js';
import { assertTitleFree } from './manage/session-resolve.js';
import { RecipeStore } from './recipe-store.js';
import { marshalRecipe, snapshotFromRecipe } from './recipe/index.js';
import { SessionLock } from './session-lock.js';
import { loadSession } from './session-load.js';
import type { CorruptFile } from './quarantine.js';
import { refuseWrites } from './read-only-store.js';
import { preview } from './text.js';
import { nowTimestamp } from './timestamp.js';

export class Store {
  private meta: SessionMetadata;
  private contentState: SessionContent;
  private readonly spend = new Map<string, number>();
  private session: Recipe | null;
  private activeTools: string[] = [];
  private readonly metadataFile: DurableFile;
  private readonly contentFile: DurableFile;
  private readonly recipeFile: DurableFile;
  /** Write failures since the last flush(), which reports them, so a write nobody awaited is still told. */
  private unreportedFailures: Error[] = [];

  private constructor(
    private readonly opts: StoreOptions,
    content: SessionContent | null,
    private readonly prompts: PromptHistory,
    sessionRecipe: Recipe | null,
    private readonly rewindStack: RewindStack,
    private readonly redoStack: RedoStack,
    private titleText: string | null,
    private readonly lock: SessionLock | null,
    /** Files that did not parse when the session was opened: moved aside (or left, read-only); tell the user. */
    readonly quarantined: readonly CorruptFile[],
  ) {
    this.meta = { ...opts.meta, runs: [...opts.meta.runs] };
    this.contentState = content ?? { session_id: opts.sessionId, runs: [], histories: {} };
    this.session = sessionRecipe;
    this.metadataFile = new DurableFile(opts.sessionPaths.metadataPath);
    this.contentFile = new DurableFile(opts.sessionPaths.contentPath);
    this.recipeFile = new DurableFile(opts.sessionPaths.recipePath);
    // the snapshots of undone runs stay while a redo may put those runs back
    rewindStack.keepReferencedBy(() => redoStack.referenced());
  }

  /**
   * Takes the session's lock (SessionLockedError while another live process holds it; none when
   * `readOnly`), then loads its content, working recipe, rewind stack and the prompt history; missing
   * files are empty, files that do not parse are set aside (see `quarantined`).
   */
  static async open(opts: StoreOptions): Promise<Store> {
    const lock = opts.readOnly ? null : await SessionLock.acquire(opts.sessionPaths.dir, opts.sessionId);
    try {
      const loaded = await loadSession(opts);
      const store = new Store(
        { ...opts, meta: loaded.meta },
        loaded.content,
        loaded.prompts,
        loaded.recipe,
        loaded.rewindStack,
        loaded.redoStack,
        loaded.title,
        lock,
        loaded.corrupt,
      );
      return opts.readOnly ? refuseWrites(store) : store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  // ── conversation histories ──────────────────────────────────────────────

  histories(): Readonly<Record<string, ConversationTurn[]>> {
    return this.contentState.histories;
  }

  appendHistories(panelIds: string[], responses: ModelResponse[], userPrompt: string): Promise<Record<string, number>> {
    const before = historyLengths(this.contentState.histories, panelIds);
    this.discardRedo();
    this.replaceHistories(appendHistory(this.contentState.histories, panelIds, responses, userPrompt));
    return quiet(this.saveContent().then(() => before));
  }

  setHistories(h: Record<string, ConversationTurn[]>): Promise<void> {
    this.discardRedo();
    this.replaceHistories(withoutEmpty(h));
    return this.saveContent();
  }

  truncateHistories(lengths: Record<string, number>): Promise<void> {
    this.discardRedo();
    this.replaceHistories(truncateHistory(this.contentState.histories, lengths));
    return this.saveContent();
  }

  clearHistories(): Promise<void> {
    this.discardRedo();
    this.replaceHistories({});
    return this.saveContent();
  }

  private replaceHistories(histories: Histories): void {
    this.contentState = { ...this.contentState, histories };
  }

  // ── prompt history ──────────────────────────────────────────────────────

  promptHistory(): readonly string[] {
    return this.prompts.entries();
  }

  recordPrompt(prompt: string): Promise<boolean> {
    const { added, durable } = this.prompts.record(prompt);
    return quiet(this.track(durable).then(() => added));
  }

  // ── session state ───────────────────────────────────────────────────────

  metadata(): SessionMetadata {
    return this.meta;
  }

  content(): SessionContent {
    return this.contentState;
  }

  saveInitialMeta(): Promise<void> {
    return this.saveMetadata();
  }

  /** `options.blind`: the run was made in blind mode (recorded as `"blind": true`). */
  persistRunState(lastPrompt: string, responses: ModelResponse[], collector: EventCollector | null, toolNames: string[], options: { blind?: boolean } = {}): Promise<void> {
    this.setLastActiveTools(toolNames);
    this.discardRedo();
    const timestamp = nowTimestamp();
    const configHash = this.recipeHash();
    const models = [...new Set([...(this.meta.models ?? []), ...responses.map((r) => r.modelId)])];
    this.meta = {
      ...this.meta,
      last_active_at: timestamp,
      models,
      first_prompt: this.meta.first_prompt || preview(lastPrompt),
      last_prompt: preview(lastPrompt),
      prompt_count: this.meta.prompt_count + 1,
      config_hash: configHash || this.meta.config_hash,
      runs: [...this.meta.runs, runSummaryFor(lastPrompt, responses, configHash, timestamp, options.blind)],
    };
    this.contentState = {
      ...this.contentState,
      session_id: this.opts.sessionId,
      runs: [...this.contentState.runs, runContentFor(lastPrompt, responses, collector)],
    };
    return quiet(Promise.all([this.saveMetadata(), this.saveContent(), this.persistSessionRecipe()]).then(() => undefined));
  }

  /** /retry: the newest run's `retried` models ran again; their responses replace the failed ones in that run. */
  replaceRetriedResponses(prompt: string, responses: ModelResponse[], retried: readonly string[], collector: EventCollector | null): Promise<void> {
    const next = withRetriedModels(this.meta, this.contentState, prompt, responses, retried, collector);
    this.meta = { ...next.meta, last_active_at: nowTimestamp() };
    this.contentState = next.content;
    return quiet(Promise.all([this.saveMetadata(), this.saveContent()]).then(() => undefined));
  }

  updateLastRunNote(note: string): Promise<void> {
    return this.changeRun(this.meta.runs.length - 1, { note: note || undefined });
  }

  recordSelection(p: SelectionParams): Promise<void> {
    return this.changeRun(this.meta.runs.length - 1, selectionChanges(p));
  }

  private changeRun(index: number, changes: Parameters<typeof changedRun>[1]): Promise<void> {
    const run = this.meta.runs[index];
    if (!run) return Promise.resolve();
    this.discardRedo();
    const runs = [...this.meta.runs];
    runs[index] = changedRun(run, changes);
    this.meta = { ...this.meta, runs };
    return this.saveMetadata();
  }

  // ── rewind stack ────────────────────────────────────────────────────────

  pushRewindEntry(entry: RewindEntry): Promise<void> {
    this.discardRedo();
    return this.track(this.rewindStack.push(entry, this.projectRoot()));
  }

  /** Keeps the snapshots taken before the selected response's writes on the newest entry (call after applying). */
  pushFileSnapshots(snaps: FileSnapshot[] | null): Promise<void> {
    return this.track(this.rewindStack.attachSnapshots(snaps));
  }

  canRewind(): boolean {
    return this.rewindStack.length > 0;
  }

  clearRewindStack(): Promise<void> {
    this.discardRedo();
    return this.track(this.rewindStack.clear());
  }

  rewindStackLen(): number {
    return this.rewindStack.length;
  }

  /** The undoable runs, newest first: what the rewind picker lists. */
  rewindEntries(): RewindItem[] {
    return [...this.rewindStack.records()].reverse().map((record) => {
      const run = this.meta.runs[record.feed_index];
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
  async rewindPlan(feedIndex: number, mode: RewindMode = 'both'): Promise<RewindPlan> {
    await this.rewindStack.idle();
    return planRewind(this.rewindStack, this.undoableFrom(feedIndex).records, this.contentState.histories, mode, this.projectRoot());
  }

  /**
   * Undoes run `feedIndex` and every later one. Files changed since bakeoff wrote them stop the
   * rewind (RewindDriftError, nothing changed) unless `allowDrift`. Each undone run gets its marker.
   */
  async rewindTo(feedIndex: number, mode: RewindMode = 'both', options: { allowDrift?: boolean } = {}): Promise<RewindOutcome> {
    await this.rewindStack.idle();
    const { position, records } = this.undoableFrom(feedIndex);
    const plan = await planRewind(this.rewindStack, records, this.contentState.histories, mode, this.projectRoot());
    const drifted = plan.files.filter((file) => file.drifted).map((file) => file.path);
    if (drifted.length > 0 && !options.allowDrift) throw new RewindDriftError(drifted);
    await this.metadataFile.idle();
    const capture = await captureBeforeRewind(this.metadataPath(), () => Buffer.concat(metadataPieces(this.meta)), this.contentState.histories, plan);
    const popped = this.rewindStack.records().slice(position);
    const fileMsg = await restorePlanFiles(plan);
    if (mode !== 'code') this.replaceHistories(truncateHistory(this.contentState.histories, plan.historyLengths));
    const truncated = mode === 'code' ? Promise.resolve() : this.saveContent();
    const timestamp = nowTimestamp();
    const { runs, undone } = markUndone(this.meta.runs, plan, timestamp);
    this.meta = { ...this.meta, last_active_at: timestamp, runs };
    // on the redo stack before the rewind stack lets go of the undone runs' snapshots
    const redo = await redoRecordFor(capture, plan, popped, metadataPieces(this.meta));
    const redoSaved = this.redoStack.push(redo);
    await Promise.all([truncated, this.saveMetadata(), this.track(this.rewindStack.popFrom(position))]);
    const redoMsg = await Promise.all([storeRedoBlobs(this.rewindStack.blobs, capture, plan), redoSaved]).then(
      () => '',
      (error: Error) => ` (redo unavailable: ${error.message})`,
    );
    return { plan, fileMsg: fileMsg + redoMsg, undone, restoredPrompt: plan.runs[plan.runs.length - 1].prompt };
  }

  // ── redo ────────────────────────────────────────────────────────────────

  /** How many rewinds can be redone (until a new run starts). */
  redoDepth(): number {
    return this.redoStack.length;
  }

  /** What redoing the newest rewind would do; RedoStaleError when the session changed since. */
  async redoPlan(): Promise<RedoPlan> {
    await Promise.all([this.rewindStack.idle(), this.redoStack.idle(), this.metadataFile.idle(), this.contentFile.idle()]);
    const record = this.redoStack.top();
    if (!record) throw new Error(`session ${this.sessionId()} has nothing to redo`);
    return planRedo(this.rewindStack.blobs, record, this.metadataPath(), this.sessionId()).catch(async (error: unknown) => {
      if (error instanceof RedoStaleError) await this.discardRedo().catch(() => undefined);
      throw error;
    });
  }

  /**
   * Puts back exactly what the newest rewind took: its files (RedoDriftError when one changed since the rewind,
   * unless `allowDrift`), the session files byte for byte, the undone runs on the rewind stack.
   */
  async redo(options: { allowDrift?: boolean } = {}): Promise<{ plan: RedoPlan; redone: { feedIndex: number; note: string }[] }> {
    const plan = await this.redoPlan();
    const drifted = plan.files.filter((file) => file.drifted).map((file) => file.path);
    if (drifted.length > 0 && !options.allowDrift) throw new RedoDriftError(drifted);
    const { record } = plan;
    const meta = parseMetadata(this.metadataPath(), plan.metadataBytes, { keepEncodings: true });
    if (meta.id !== this.sessionId()) throw new Error(`the stored metadata of the rewind names session ${meta.id}, not ${this.sessionId()}`);
    const byRoot = new Map<string, RedoPlan['files']>();
    for (const file of plan.files) byRoot.set(file.root, [...(byRoot.get(file.root) ?? []), file]);
    for (const [root, files] of byRoot) {
      await restoreSnapshots(files.map((file) => ({ path: file.path, content: file.restored ?? '', didNotExist: file.restored === null })), root);
    }
    this.meta = meta;
    const writes = [this.track(this.metadataFile.write(() => plan.metadataBytes))];
    if (record.mode !== 'code') {
      this.replaceHistories(historiesBeforeRewind(this.contentState.histories, record, RedoStack.redoPath(this.opts.sessionPaths.dir)));
      writes.push(this.saveContent());
    }
    await Promise.all(writes);
    await this.track(this.rewindStack.pushBack(record.records));
    await this.track(this.redoStack.pop());
    await this.rewindStack.collect();
    const redone = record.records.map((r) => ({ feedIndex: r.feed_index, note: this.meta.runs[r.feed_index]?.note ?? '' })).reverse();
    return { plan, redone };
  }

  /** A new run (or anything else that changes the session) ends what a redo could put back. */
  discardRedo(): Promise<void> {
    if (this.redoStack.length === 0) return Promise.resolve();
    return this.track(this.redoStack.clear().then(() => this.rewindStack.collect()));
  }

  /** Undoes the newest run: files back, histories cut, a marker for stats, `[rewound]` on its note. */
  async rewind(): Promise<RewindResult> {
    await this.rewindStack.idle();
    const top = this.rewindStack.records().at(-1);
    if (!top) throw new Error('nothing to rewind');
    const { fileMsg, undone } = await this.rewindTo(top.feed_index, 'both', { allowDrift: true });
    return { fileMsg, feedIndex: top.feed_index, note: undone[0].note };
  }

  /** The stack position of run `feedIndex` and the records from it to the top, newest first. */
  private undoableFrom(feedIndex: number): { position: number; records: RewindRecord[] } {
    const all = this.rewindStack.records();
    const position = all.findIndex((record) => record.feed_index === feedIndex);
    if (position < 0) throw new Error(`run ${feedIndex} of session ${this.sessionId()} cannot be undone (it is not on the rewind stack)`);
    return { position, records: all.slice(position).reverse() };
  }

  // ── title ───────────────────────────────────────────────────────────────

  /** The session's name (bakeoff's title.json); null when it has none. */
  title(): string | null {
    return this.titleText;
  }

  /** Names the session; TitleError when the title is not usable or another session has it. */
  async setTitle(title: string): Promise<void> {
    await assertTitleFree(this.sessionsDir(), this.sessionId(), title);
    await this.track(writeTitle(this.opts.sessionPaths.dir, title));
    this.titleText = title;
  }

  // ── checkpoint ──────────────────────────────────────────────────────────

  checkpointPath(): string {
    return this.opts.sessionPaths.checkpointPath;
  }

  loadCheckpoint(): Promise<Checkpoint | null> {
    return loadCheckpoint(this.checkpointPath());
  }

  clearCheckpoint(): Promise<void> {
    return this.track(clearCheckpoint(this.checkpointPath()));
  }

  // ── cost ────────────────────────────────────────────────────────────────

  /** An unknown price (NaN) adds nothing: the spend stays a sum of known costs. */
  accumulateCost(modelId: string, costUsd: number): void {
    if (!Number.isFinite(costUsd)) return;
    this.spend.set(modelId, (this.spend.get(modelId) ?? 0) + costUsd);
  }

  totalCost(): number {
    let total = 0;
    for (const cost of this.spend.values()) total += cost;
    return total;
  }

  costPerModel(): Readonly<Record<string, number>> {
    return Object.fromEntries(this.spend);
  }

  // ── ids and paths ───────────────────────────────────────────────────────

  sessionId(): string {
    return this.opts.sessionId;
  }

  metadataPath(): string {
    return this.opts.sessionPaths.metadataPath;
  }

  contentPath(): string {
    return this.opts.sessionPaths.contentPath;
  }

  sessionRecipePath(): string {
    return this.opts.sessionPaths.recipePath;
  }

  /** data/sessions: the parent of this session's directory. */
  sessionsDir(): string {
    return dirname(this.opts.sessionPaths.dir);
  }

  /** data/recipes: beside prompt_history.jsonl. */
  recipesDir(): string {
    return join(dirname(this.opts.promptHistPath), 'recipes');
  }

  projectRoot(): string {
    return this.opts.projectRoot ?? process.cwd();
  }

  // ── recipes ─────────────────────────────────────────────────────────────

  baseRecipe(): Recipe | null {
    return this.opts.recipe ?? null;
  }

  sessionRecipe(): Recipe | null {
    return this.session;
  }

  setSessionRecipe(r: Recipe | null): void {
    this.session = r;
  }

  activeRecipe(): Recipe | null {
    return this.session ?? this.baseRecipe();
  }

  lastActiveTools(): string[] {
    return this.activeTools;
  }

  setLastActiveTools(names: string[]): void {
    this.activeTools = [...names];
  }

  buildRecipeSnapshot(): RecipeSnapshot {
    return snapshotFromRecipe(this.activeRecipe(), this.activeTools);
  }

  /**
   * The active recipe's hash as run with the last active tools, after storing it in the recipe store in
   * the file's shape (`rcp_…` in a newest-Errata file, `rcp_v1_…` otherwise); '' without a recipe store.
   */
  recipeHash(): string {
    const store = this.recipeStore();
    if (!store) return '';
    const hash = store.putRecipe(this.activeRecipe(), this.activeTools);
    this.track(store.flush());
    return hash;
  }

  /** The hash a run with `tools` active would record (recipeHash without storing anything); '' without a recipe store. */
  recipeHashFor(tools: readonly string[]): string {
    return this.recipeStore()?.hashFor(this.activeRecipe(), tools) ?? '';
  }

  recipeStore(): RecipeStore | null {
    return this.opts.recipeStore ?? null;
  }

  recipeNameLookup(): (hash: string) => string {
    const store = this.recipeStore();
    return (hash) => store?.nameOf(hash) ?? '';
  }

  /** Writes the active recipe to the session's recipe.md (no file when there is no recipe). */
  persistSessionRecipe(): Promise<void> {
    const recipe = this.activeRecipe();
    if (!recipe) return Promise.resolve();
    const markdown = marshalRecipe(recipe);
    return this.track(this.recipeFile.write(() => markdown));
  }

  // ── durability ──────────────────────────────────────────────────────────

  /** Resolves when every pending write is on disk; rejects with the first write failure since the last flush. */
  async flush(): Promise<void> {
    await Promise.all([
      this.metadataFile.idle(),
      this.contentFile.idle(),
      this.recipeFile.idle(),
      this.redoStack.idle(),
      this.rewindStack.idle(),
      this.prompts.idle(),
      this.recipeStore()?.flush().catch(() => undefined),
    ]);
    const [failure] = this.unreportedFailures;
    this.unreportedFailures = [];
    if (failure) throw failure;
  }

  /** Flushes, then lets another process open the session. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.lock?.release();
    }
  }

  private saveMetadata(): Promise<void> {
    return this.track(this.metadataFile.write(() => metadataPieces(this.meta)));
  }

  private saveContent(): Promise<void> {
    return this.track(this.contentFile.write(() => contentPieces(this.contentState)));
  }

  /** A write the caller may not await must never become an unhandled rejection. */
  private track<T>(durable: Promise<T>): Promise<T> {
    durable.catch((error: Error) => this.unreportedFailures.push(error));
    return durable;
  }
}

/** A promise derived from tracked writes: its rejection is already reported through flush(), so mark it handled. */
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

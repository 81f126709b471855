// The Store: the single owner of a session's state. Every mutator changes memory at once and returns
// a Promise that resolves when the change is durable; the files it keeps are those of data-format.md.
// Its sections of more than a few lines live in helpers it owns: session-state (the metadata and content
// files), session-rewind, manage/session-redo, session-recipes.
import { dirname, join } from 'node:path';
import type { Checkpoint, ConversationTurn, Histories, RecipeSnapshot, SessionContent, SessionMetadata } from './schemas.js';
import type { EventCollector, FileSnapshot, ModelResponse, Recipe, RewindEntry, RewindItem, RewindOutcome, RewindResult, SelectionParams, StoreOptions } from './types.js';
import { PromptHistory } from './prompt-history.js';
import { clearCheckpoint, loadCheckpoint } from './checkpoint.js';
import { appendHistory, historyLengths, truncateHistory, withoutEmpty } from './history.js';
import { changedRun, selectionChanges, withNewRun } from './run-records.js';
import { withRetriedModels } from './run-retry.js';
import type { RewindMode, RewindPlan } from './rewind-plan.js';
import type { RedoPlan } from './redo-plan.js';
import { SessionState, quiet } from './session-state.js';
import { SessionRewind } from './session-rewind.js';
import { SessionRedo } from './manage/session-redo.js';
import type { RedoResult } from './manage/session-redo.js';
import { SessionRecipes } from './session-recipes.js';
import { setSessionTitle } from './manage/session-rename.js';
import type { RecipeStore } from './recipe-store.js';
import { SessionLock } from './session-lock.js';
import { loadSession } from './session-load.js';
import type { LoadedSession } from './session-load.js';
import type { CorruptFile } from './quarantine.js';
import { refuseWrites } from './read-only-store.js';
import { nowTimestamp } from './timestamp.js';

export class Store {
  private readonly state: SessionState;
  private readonly rewinds: SessionRewind;
  private readonly redos: SessionRedo;
  private readonly recipes: SessionRecipes;
  private readonly spend = new Map<string, number>();
  private readonly prompts: PromptHistory;
  private titleText: string | null;
  /** Files that did not parse when the session was opened: moved aside (or left, read-only); tell the user. */
  readonly quarantined: readonly CorruptFile[];

  private constructor(
    private readonly opts: StoreOptions,
    loaded: LoadedSession,
    private readonly lock: SessionLock | null,
  ) {
    this.state = new SessionState(opts.sessionId, opts.sessionPaths, loaded.meta, loaded.content);
    this.redos = new SessionRedo(this.state, loaded.redoStack, loaded.rewindStack);
    this.rewinds = new SessionRewind(this.state, loaded.rewindStack, this.redos, () => this.projectRoot());
    this.recipes = new SessionRecipes(opts.recipe ?? null, loaded.recipe, opts.recipeStore ?? null, opts.sessionPaths.recipePath, (durable) => this.state.track(durable));
    this.prompts = loaded.prompts;
    this.titleText = loaded.title;
    this.quarantined = loaded.corrupt;
  }

  /**
   * Takes the session's lock (SessionLockedError while another live process holds it; none when
   * `readOnly`), then loads its content, working recipe, rewind stack and the prompt history; missing
   * files are empty, files that do not parse are set aside (see `quarantined`).
   */
  static async open(opts: StoreOptions): Promise<Store> {
    const lock = opts.readOnly ? null : await SessionLock.acquire(opts.sessionPaths.dir, opts.sessionId);
    try {
      const store = new Store(opts, await loadSession(opts), lock);
      return opts.readOnly ? refuseWrites(store) : store;
    } catch (error) {
      await lock?.release();
      throw error;
    }
  }

  // ── conversation histories ──────────────────────────────────────────────

  histories(): Readonly<Record<string, ConversationTurn[]>> {
    return this.state.histories;
  }

  appendHistories(panelIds: string[], responses: ModelResponse[], userPrompt: string): Promise<Record<string, number>> {
    const before = historyLengths(this.state.histories, panelIds);
    return quiet(this.changeHistories(appendHistory(this.state.histories, panelIds, responses, userPrompt)).then(() => before));
  }

  setHistories(h: Record<string, ConversationTurn[]>): Promise<void> {
    return this.changeHistories(withoutEmpty(h));
  }

  truncateHistories(lengths: Record<string, number>): Promise<void> {
    return this.changeHistories(truncateHistory(this.state.histories, lengths));
  }

  clearHistories(): Promise<void> {
    return this.changeHistories({});
  }

  private changeHistories(histories: Histories): Promise<void> {
    this.discardRedo();
    this.state.replaceHistories(histories);
    return this.state.saveContent();
  }

  // ── prompt history ──────────────────────────────────────────────────────

  promptHistory(): readonly string[] {
    return this.prompts.entries();
  }

  recordPrompt(prompt: string): Promise<boolean> {
    const { added, durable } = this.prompts.record(prompt);
    return quiet(this.state.track(durable).then(() => added));
  }

  // ── session state ───────────────────────────────────────────────────────

  metadata(): SessionMetadata {
    return this.state.meta;
  }

  content(): SessionContent {
    return this.state.content;
  }

  saveInitialMeta(): Promise<void> {
    return this.state.saveMetadata();
  }

  /** `options.blind`: the run was made in blind mode (recorded as `"blind": true`). */
  persistRunState(lastPrompt: string, responses: ModelResponse[], collector: EventCollector | null, toolNames: string[], options: { blind?: boolean } = {}): Promise<void> {
    this.setLastActiveTools(toolNames);
    this.discardRedo();
    const run = { prompt: lastPrompt, responses, collector, configHash: this.recipeHash(), timestamp: nowTimestamp(), blind: options.blind };
    const next = withNewRun(this.state.meta, { ...this.state.content, session_id: this.opts.sessionId }, run);
    this.state.meta = next.meta;
    this.state.content = next.content;
    return quiet(Promise.all([this.state.saveMetadata(), this.state.saveContent(), this.persistSessionRecipe()]).then(() => undefined));
  }

  /** /retry: the newest run's `retried` models ran again; their responses replace the failed ones in that run. */
  replaceRetriedResponses(prompt: string, responses: ModelResponse[], retried: readonly string[], collector: EventCollector | null): Promise<void> {
    const next = withRetriedModels(this.state.meta, this.state.content, prompt, responses, retried, collector);
    this.state.meta = { ...next.meta, last_active_at: nowTimestamp() };
    this.state.content = next.content;
    return quiet(Promise.all([this.state.saveMetadata(), this.state.saveContent()]).then(() => undefined));
  }

  updateLastRunNote(note: string): Promise<void> {
    return this.changeNewestRun({ note: note || undefined });
  }

  recordSelection(p: SelectionParams): Promise<void> {
    return this.changeNewestRun(selectionChanges(p));
  }

  private changeNewestRun(changes: Parameters<typeof changedRun>[1]): Promise<void> {
    const runs = [...this.state.meta.runs];
    const run = runs.at(-1);
    if (!run) return Promise.resolve();
    this.discardRedo();
    runs[runs.length - 1] = changedRun(run, changes);
    this.state.meta = { ...this.state.meta, runs };
    return this.state.saveMetadata();
  }

  // ── rewind stack (session-rewind.ts) ────────────────────────────────────

  pushRewindEntry(entry: RewindEntry): Promise<void> {
    this.discardRedo();
    return this.rewinds.push(entry);
  }

  /** Keeps the snapshots taken before the selected response's writes on the newest entry (call after applying). */
  pushFileSnapshots(snaps: FileSnapshot[] | null): Promise<void> {
    return this.rewinds.attachSnapshots(snaps);
  }

  canRewind(): boolean {
    return this.rewinds.length > 0;
  }

  clearRewindStack(): Promise<void> {
    this.discardRedo();
    return this.rewinds.clear();
  }

  rewindStackLen(): number {
    return this.rewinds.length;
  }

  /** The undoable runs, newest first: what the rewind picker lists. */
  rewindEntries(): RewindItem[] {
    return this.rewinds.entries();
  }

  /** What undoing run `feedIndex` and every later one would do, without doing it. */
  rewindPlan(feedIndex: number, mode: RewindMode = 'both'): Promise<RewindPlan> {
    return this.rewinds.plan(feedIndex, mode);
  }

  /**
   * Undoes run `feedIndex` and every later one. Files changed since bakeoff wrote them stop the
   * rewind (RewindDriftError, nothing changed) unless `allowDrift`. Each undone run gets its marker.
   */
  rewindTo(feedIndex: number, mode: RewindMode = 'both', options: { allowDrift?: boolean } = {}): Promise<RewindOutcome> {
    return this.rewinds.rewindTo(feedIndex, mode, options);
  }

  /** Undoes the newest run: files back, histories cut, a marker for stats, `[rewound]` on its note. */
  rewind(): Promise<RewindResult> {
    return this.rewinds.rewindNewest();
  }

  // ── redo (manage/session-redo.ts) ───────────────────────────────────────

  /** How many rewinds can be redone (until a new run starts). */
  redoDepth(): number {
    return this.redos.depth;
  }

  /** What redoing the newest rewind would do; RedoStaleError when the session changed since. */
  redoPlan(): Promise<RedoPlan> {
    return this.redos.plan();
  }

  /**
   * Puts back exactly what the newest rewind took: its files (RedoDriftError when one changed since the rewind,
   * unless `allowDrift`), the session files byte for byte, the undone runs on the rewind stack.
   */
  redo(options: { allowDrift?: boolean } = {}): Promise<RedoResult> {
    return this.redos.redo(options);
  }

  /** A new run (or anything else that changes the session) ends what a redo could put back. */
  discardRedo(): Promise<void> {
    return this.redos.discard();
  }

  // ── title (manage/session-title.ts) ─────────────────────────────────────

  /** The session's name (bakeoff's title.json); null when it has none. */
  title(): string | null {
    return this.titleText;
  }

  /** Names the session; TitleError when the title is not usable or another session has it. */
  async setTitle(title: string): Promise<void> {
    await setSessionTitle(this.sessionsDir(), this.opts.sessionPaths.dir, this.sessionId(), title, (done) => this.state.track(done));
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
    return this.state.track(clearCheckpoint(this.checkpointPath()));
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

  // ── recipes (session-recipes.ts) ────────────────────────────────────────

  baseRecipe(): Recipe | null {
    return this.recipes.base;
  }

  sessionRecipe(): Recipe | null {
    return this.recipes.sessionRecipe();
  }

  setSessionRecipe(r: Recipe | null): void {
    this.recipes.setSessionRecipe(r);
  }

  activeRecipe(): Recipe | null {
    return this.recipes.active();
  }

  lastActiveTools(): string[] {
    return this.recipes.lastActiveTools();
  }

  setLastActiveTools(names: string[]): void {
    this.recipes.setLastActiveTools(names);
  }

  buildRecipeSnapshot(): RecipeSnapshot {
    return this.recipes.snapshot();
  }

  /**
   * The active recipe's hash as run with the last active tools, after storing it in the recipe store in
   * the file's shape (`rcp_…` in a newest-Errata file, `rcp_v1_…` otherwise); '' without a recipe store.
   */
  recipeHash(): string {
    return this.recipes.putActive();
  }

  /** The hash a run with `tools` active would record (recipeHash without storing anything); '' without a recipe store. */
  recipeHashFor(tools: readonly string[]): string {
    return this.recipes.hashFor(tools);
  }

  recipeStore(): RecipeStore | null {
    return this.recipes.store;
  }

  recipeNameLookup(): (hash: string) => string {
    return this.recipes.nameLookup();
  }

  /** Writes the active recipe to the session's recipe.md (no file when there is no recipe). */
  persistSessionRecipe(): Promise<void> {
    return this.recipes.persist();
  }

  // ── durability ──────────────────────────────────────────────────────────

  /** Resolves when every pending write is on disk; rejects with the first write failure since the last flush. */
  async flush(): Promise<void> {
    await Promise.all([this.state.idle(), this.recipes.idle(), this.redos.idle(), this.rewinds.idle(), this.prompts.idle()]);
    const [failure] = this.state.takeFailures();
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
}

// One prompt's run in an opened session, the one path the app and `bakeoff run` share: a new session reaches the
// disk before its first run, blind mode draws the run's labels, the run goes through the engine, and what follows
// is decided here — a cancelled run waits for /resume, a cancelled /retry gives its pick back, a run with nothing
// to keep is recorded as skipped, else the caller picks (or rates) through `choose`.
import type { Checkpoint, Store } from '../../store/index.js';
import type { SelectionOption } from '../../components/types.js';
import type { ChoiceResult } from '../runs/apply-choice.js';
import type { Choice, CompletedRun, LiveRun, RunContext, StartRunOptions } from '../runs/types.js';
import { selectionOptions } from './selection-options.js';
import { canRate } from '../runs/pickable.js';
import { failedModels, retryCheckpoint } from '../runs/retry.js';
import { blindLabels, type BlindLabels } from './blind-labels.js';

export interface RunOutcome {
  run: CompletedRun;
  /** the last live state: prices the run could not know show as null cost here */
  final: LiveRun | null;
}

/** Starts the run through the engine and resolves when it has ended (the app's useRun, the CLI's own loop). */
export type RunStarter = (context: RunContext, prompt: string, options?: StartRunOptions) => Promise<RunOutcome>;

export type ChoiceApplier = (store: Store, run: CompletedRun, choice: Choice, projectRoot: string) => Promise<ChoiceResult>;

/** What a step revealed: in blind mode, the labels of the run it ended (to say which was which), else null. */
export interface Revealing {
  revealed: BlindLabels | null;
}

interface Settled extends RunOutcome {
  /** blind mode: the labels the run was shown with (null when names showed) */
  labels: BlindLabels | null;
}

export type SettledRun =
  /** not recorded as a finished run: the checkpoint stays for /resume */
  | ({ kind: 'cancelled' } & Settled & Revealing)
  /** a /retry cancelled: nothing recorded, its checkpoint gone; the pick it came from (`run`) is back as it was */
  | ({ kind: 'retry-cancelled'; options: SelectionOption[] } & Settled)
  /** recorded with nothing to keep, so skipped at once */
  | ({ kind: 'recorded'; choice: ChoiceResult } & Settled & Revealing)
  /** recorded; waits for a choice among `options` (fastest first), a rating when `rateable`, or a retry */
  | ({ kind: 'pick'; options: SelectionOption[]; rateable: boolean } & Settled);

export interface RunRequest {
  prompt: string;
  /** model ids, in panel order (the app's /models may change them between runs) */
  models: string[];
  verbose: boolean;
  /** blind mode: the run is shown with labels and recorded with `"blind": true` (a retry keeps its run's) */
  blind: boolean;
  resume?: Checkpoint;
  allowUnconfinedBash?: boolean;
  /** the run's labels (null when names show), before the models start: the first frame already hides names */
  onLabels?(labels: BlindLabels | null): void;
  onSaveError(error: unknown): void;
}

export interface SessionRunsOptions {
  /** whether the caller offers /retry at the pick: then a run whose models all failed waits for it instead of being skipped */
  offersRetry: boolean;
}

export class SessionRuns {
  /** models whose price turned out unknown during this process: their cost shows as "?" */
  readonly unknownPriceModels = new Set<string>();
  private unrecordedSpend = 0;
  private metadataSaved: boolean;
  private runLabels: BlindLabels | null = null;

  constructor(
    private readonly store: Store,
    resumed: boolean,
    private readonly applyChoice: ChoiceApplier,
    private readonly options: SessionRunsOptions,
  ) {
    this.metadataSaved = resumed || store.metadata().runs.length > 0;
  }

  /** What this process spent on cancelled runs, which are not recorded. */
  get unrecordedSpendUsd(): number {
    return this.unrecordedSpend;
  }

  /** Blind mode: the labels of the run on screen or waiting for its pick; null when names may show. */
  get labels(): BlindLabels | null {
    return this.runLabels;
  }

  /** Runs the prompt (or resumes `resume`). A failure to save a new session's metadata is reported, not fatal. */
  run(start: RunStarter, request: RunRequest): Promise<SettledRun> {
    this.runLabels = request.blind ? blindLabels(request.resume?.adapter_ids ?? request.models) : null;
    return this.execute(start, request, {});
  }

  /**
   * /retry at the pick of `pending`: its failed models run again, the OK answers kept (as a resume of the recorded
   * run). Null when every model answered. The run keeps its labels: the kept answers must not change name.
   */
  retry(start: RunStarter, pending: CompletedRun, request: Omit<RunRequest, 'prompt' | 'resume' | 'blind'>): Promise<SettledRun> | null {
    const checkpoint = retryCheckpoint(pending, request.verbose, new Date().toISOString());
    if (!checkpoint) return null;
    return this.execute(start, { ...request, prompt: pending.prompt, resume: checkpoint, blind: this.runLabels !== null }, { retryOf: pending });
  }

  /** Records the choice on the run (a pick applies its writes, with snapshots for rewind); names may show after it. */
  async choose(run: CompletedRun, choice: Choice): Promise<ChoiceResult & Revealing> {
    const result = await this.applyChoice(this.store, run, choice, this.store.projectRoot());
    return { ...result, revealed: this.takeLabels() };
  }

  /** Ends the run's blind labels (a run that could not start, say): the labels to reveal, if there were any. */
  takeLabels(): BlindLabels | null {
    const labels = this.runLabels;
    this.runLabels = null;
    return labels;
  }

  private async execute(start: RunStarter, request: RunRequest, how: { retryOf?: CompletedRun }): Promise<SettledRun> {
    const { store } = this;
    const labels = this.runLabels;
    request.onLabels?.(labels);
    if (!this.metadataSaved) {
      this.metadataSaved = true;
      await store.saveInitialMeta().catch(request.onSaveError);
    }
    const context: RunContext = {
      store,
      models: request.models,
      projectRoot: store.projectRoot(),
      verbose: request.verbose,
      blind: labels !== null,
      allowUnconfinedBash: request.allowUnconfinedBash ?? false,
    };
    const outcome = await start(context, request.prompt, { resume: request.resume, ...(how.retryOf ? { retry: true } : {}) });
    const { run } = outcome;
    for (const model of outcome.final?.models ?? []) if (model.costUsd === null) this.unknownPriceModels.add(model.modelId);
    const spent = () => run.responses.reduce((sum, r) => sum + (Number.isFinite(r.costUsd) ? r.costUsd : 0), 0);

    if (run.cancelled && how.retryOf) {
      // the run stays recorded as it was before the retry: its pick comes back, and the retry's checkpoint goes
      await store.clearCheckpoint().catch(() => undefined);
      this.unrecordedSpend += spent();
      return { kind: 'retry-cancelled', options: selectionOptions(how.retryOf, this.unknownPriceModels), ...outcome, run: how.retryOf, labels };
    }
    if (run.cancelled) {
      if (run.feedIndex === -1) this.unrecordedSpend += spent();
      return { kind: 'cancelled', ...outcome, labels, revealed: this.takeLabels() };
    }
    const options = selectionOptions(run, this.unknownPriceModels);
    const rateable = canRate(run);
    const retryable = this.options.offersRetry && failedModels(run).length > 0;
    if (options.length === 0 && !rateable && !retryable) {
      const { revealed, ...choice } = await this.choose(run, { kind: 'skip' });
      return { kind: 'recorded', choice, ...outcome, labels, revealed };
    }
    return { kind: 'pick', options, rateable, ...outcome, labels };
  }
}

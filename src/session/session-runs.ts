// One prompt's run in an opened session, as `bakeoff run` does it (the app's hook still has its own copy): a new session reaches the
// disk before its first run, the run goes through the engine, and what follows is decided here — a cancelled
// run waits for /resume, a run with nothing to keep is recorded as skipped, else the caller picks (or rates).
import type { Checkpoint, Store } from '../../store/index.js';
import type { SelectionOption } from '../../components/types.js';
import type { ChoiceResult } from '../runs/apply-choice.js';
import type { Choice, CompletedRun, LiveRun, RunContext } from '../runs/types.js';
import { selectionOptions } from '../app/selection.js';
import { canRate } from '../runs/pickable.js';

export interface RunOutcome {
  run: CompletedRun;
  /** the last live state: prices the run could not know show as null cost here */
  final: LiveRun | null;
}

/** Starts the run through the engine and resolves when it has ended (the app's useRun, the CLI's own loop). */
export type RunStarter = (context: RunContext, prompt: string, resume?: Checkpoint) => Promise<RunOutcome>;

export type ChoiceApplier = (store: Store, run: CompletedRun, choice: Choice, projectRoot: string) => Promise<ChoiceResult>;

export type SettledRun =
  /** not recorded: the checkpoint stays for /resume */
  | ({ kind: 'cancelled' } & RunOutcome)
  /** recorded with nothing to keep, so skipped at once */
  | ({ kind: 'recorded'; choice: ChoiceResult } & RunOutcome)
  /** recorded; waits for a choice among `options` (fastest first), or a rating when `rateable` */
  | ({ kind: 'pick'; options: SelectionOption[]; rateable: boolean } & RunOutcome);

export interface RunnableSession {
  store: Store;
  /** model ids, in panel order */
  models: string[];
  resumed: boolean;
}

export class SessionRuns {
  /** models whose price turned out unknown during this process: their cost shows as "?" */
  readonly unknownPriceModels = new Set<string>();
  private unrecordedSpend = 0;
  private metadataSaved: boolean;

  constructor(
    private readonly session: RunnableSession,
    private readonly applyChoice: ChoiceApplier,
  ) {
    this.metadataSaved = session.resumed || session.store.metadata().runs.length > 0;
  }

  /** What this process spent on cancelled runs, which are not recorded. */
  get unrecordedSpendUsd(): number {
    return this.unrecordedSpend;
  }

  /** Runs `prompt` (or resumes `resume`); a failure to save a new session's metadata is reported, not fatal. */
  async run(start: RunStarter, prompt: string, options: { verbose: boolean; resume?: Checkpoint; onSaveError(error: unknown): void }): Promise<SettledRun> {
    const { store } = this.session;
    if (!this.metadataSaved) {
      this.metadataSaved = true;
      await store.saveInitialMeta().catch(options.onSaveError);
    }
    const outcome = await start({ store, models: this.session.models, projectRoot: store.projectRoot(), verbose: options.verbose }, prompt, options.resume);
    const { run } = outcome;
    for (const model of outcome.final?.models ?? []) if (model.costUsd === null) this.unknownPriceModels.add(model.modelId);
    if (run.cancelled) {
      if (run.feedIndex === -1) this.unrecordedSpend += run.responses.reduce((sum, r) => sum + (Number.isNaN(r.costUsd) ? 0 : r.costUsd), 0);
      return { kind: 'cancelled', ...outcome };
    }
    const pickable = selectionOptions(run, this.unknownPriceModels);
    const rateable = canRate(run);
    if (pickable.length === 0 && !rateable) return { kind: 'recorded', choice: await this.choose(run, { kind: 'skip' }), ...outcome };
    return { kind: 'pick', options: pickable, rateable, ...outcome };
  }

  /** Records the choice on the run (a pick applies its writes, with snapshots for rewind). */
  choose(run: CompletedRun, choice: Choice): Promise<ChoiceResult> {
    const { store } = this.session;
    return this.applyChoice(store, run, choice, store.projectRoot());
  }
}

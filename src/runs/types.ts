// What the app sees of model runs: live state to render, a handle to cancel, the finished run to choose from.
import type { Checkpoint, EventEntry, FileWrite, ModelResponse, Store } from '../../store/index.js';

/** One model's part of a run as it streams; `costUsd` is null when the price is unknown. */
export interface LiveModel {
  modelId: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  text: string;
  events: EventEntry[];
  startedAt: number;
  elapsedMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
  proposedWrites: FileWrite[];
  error?: string;
  /** kept from a checkpoint by /resume, not re-run */
  resumed?: boolean;
  /** tokens and cost are estimates until the endpoint's usage arrives (shown with `~`) */
  estimated?: boolean;
}

export interface LiveRun {
  prompt: string;
  models: LiveModel[];
}

/** A run that has ended (completed or cancelled) and is recorded in the Store. */
export interface CompletedRun {
  prompt: string;
  /** when the run started (ms since the epoch): a project file changed after it is a conflict at apply */
  startedAt: number;
  /** in panel order */
  responses: ModelResponse[];
  /** index of the run in store.metadata().runs (an interrupted run is recorded too, as Errata records it) */
  feedIndex: number;
  cancelled: boolean;
  /** an interrupted run's note: `Interrupted (<models>). /resume to continue.` */
  note?: string;
}

export interface RunHandle {
  /** Esc: stops every model; partial text and tokens are kept and the checkpoint stays. */
  cancel(): void;
  /** Resolves when every model has ended and the Store has recorded the run. */
  result: Promise<CompletedRun>;
}

/** `force` applies a pick over files the user changed during the run. */
export type Choice = { kind: 'pick'; modelId: string; force?: boolean } | { kind: 'skip' } | { kind: 'rate'; rating: 'good' | 'bad' };

/** A model the app can run: built-in demo models and real providers look the same from here. */
export interface ModelInfo {
  id: string;
  /** e.g. "demo prices" for the demo models; '' for catalog prices */
  priceLabel: string;
  contextWindow: number | null;
  /** `URL (VARIABLE from ./.env)` when the model talks to an endpoint other than its provider's default */
  endpoint: string | null;
  /** where its requests go, default or not (endpointLabel), for /models */
  address: string;
}

export interface RunContext {
  store: Store;
  /** model ids, in panel order */
  models: string[];
  projectRoot: string;
  verbose: boolean;
  /** blind mode: the run is recorded with `"blind": true` */
  blind?: boolean;
  /** the user agreed to let bash run where no sandbox confines it (else it is refused there) */
  allowUnconfinedBash?: boolean;
}

export interface StartRunOptions {
  /** run only the checkpoint's unfinished models, keeping its completed ones */
  resume?: Checkpoint;
  /** /retry: the run is the newest recorded one; its retried models' answers replace their failures in it */
  retry?: boolean;
}

export type StartRun = (context: RunContext, prompt: string, onUpdate: (run: LiveRun) => void, options?: StartRunOptions) => RunHandle;

// The run as the panels see it, pushed to onUpdate at most every 50 ms (plus a final push), so a
// fast stream of deltas costs a few renders, not thousands.
import type { ModelResponse } from '../../store/index.js';
import type { AgentOutcome, AgentProgress } from './agent-loop.js';
import type { LiveModel, LiveRun } from './types.js';

export const updateIntervalMs = 50;

export class LiveRunTracker {
  private readonly models: LiveModel[];
  private lastPush = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly prompt: string,
    modelIds: readonly string[],
    private readonly onUpdate: (run: LiveRun) => void,
  ) {
    const now = Date.now();
    this.models = modelIds.map((modelId) => ({
      modelId,
      status: 'running',
      text: '',
      events: [],
      startedAt: now,
      elapsedMs: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      proposedWrites: [],
    }));
  }

  /** A model kept from the checkpoint by /resume: done before this run began. */
  keep(index: number, response: ModelResponse): void {
    this.models[index] = {
      ...this.models[index],
      status: 'done',
      text: response.text,
      elapsedMs: response.latencyMs,
      inputTokens: response.inputTokens,
      outputTokens: response.outputTokens,
      costUsd: response.costUsd,
      proposedWrites: response.proposedWrites ?? [],
      resumed: true,
    };
  }

  /** The clock starts when the model does (after any auto-compaction); an unknown price shows as null. */
  start(index: number, priceKnown: boolean): void {
    this.models[index] = { ...this.models[index], startedAt: Date.now(), costUsd: priceKnown ? 0 : null };
    this.changed();
  }

  progress(index: number, progress: AgentProgress): void {
    const model = this.models[index];
    this.models[index] = {
      ...model,
      text: progress.text,
      events: progress.events,
      inputTokens: progress.inputTokens,
      outputTokens: progress.outputTokens,
      costUsd: progress.costUsd,
      proposedWrites: progress.proposedWrites,
      estimated: progress.estimated,
    };
    this.changed();
  }

  /** A model's end; `outcome` is null when it never started (no adapter, or Esc before it began). */
  end(index: number, response: ModelResponse, outcome: AgentOutcome | null): void {
    if (outcome) this.progress(index, outcome);
    const status: LiveModel['status'] = response.interrupted ? 'cancelled' : response.error ? 'failed' : 'done';
    this.models[index] = {
      ...this.models[index],
      status,
      elapsedMs: response.latencyMs,
      ...(response.error && !response.interrupted ? { error: response.error } : {}),
    };
    this.changed();
  }

  /** Pushes now if the last push is old enough, else once the interval has passed. */
  changed(): void {
    if (this.timer) return;
    const wait = this.lastPush + updateIntervalMs - Date.now();
    if (wait <= 0) this.push();
    else this.timer = setTimeout(() => this.push(), wait);
  }

  /** The last push, with every model's final state. */
  finish(): void {
    this.push();
  }

  snapshot(): LiveRun {
    const now = Date.now();
    return {
      prompt: this.prompt,
      models: this.models.map((model) => (model.status === 'running' ? { ...model, elapsedMs: now - model.startedAt } : { ...model })),
    };
  }

  private push(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastPush = Date.now();
    try {
      this.onUpdate(this.snapshot());
    } catch {
      // a failing render must not lose the run; the app sees the next update or the result
    }
  }
}

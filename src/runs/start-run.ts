// A run's whole life: record the prompt, auto-compact if the recipe says so, run every model at once
// with its own history while checkpoint.json follows each turn, then record the run in the Store.
// Esc stops every model and leaves the checkpoint for /resume, which re-runs only the unfinished ones.
import type { Checkpoint, ModelResponse, Recipe, Store } from '../../store/index.js';
import { IncrementalCheckpointSaver, responseSnapshot } from '../../store/index.js';
import type { CompletedRun, LiveRun, RunContext, StartRun } from './types.js';
import { runAgent } from './agent-loop.js';
import { autoCompact } from './compact.js';
import { RunEventCollector } from './event-collector.js';
import { historyMessages, historyWindow } from './history-window.js';
import { LiveRunTracker } from './live-run.js';
import { cancelledResponse, failedResponse, pendingResponse, responseFromOutcome, responseFromSnapshot, responseInProgress } from './model-responses.js';
import { pricingFor } from './prices.js';
import { adapterFor } from './resolve-models.js';
import { activeRecipeOf, runSettings, type RunSettings } from './run-settings.js';
import { toolboxFor, toolNames, type Toolbox } from './tools/tool-registry.js';
import { dataDirsOf } from './data-dirs.js';
import { RunSandbox } from './sandbox/run-sandbox.js';
import { sandboxPolicyOf } from './sandbox/sandbox-policy.js';

export const startRun: StartRun = (context, prompt, onUpdate, options = {}) => {
  const cancel = new AbortController();
  const result = runToEnd(context, prompt, onUpdate, options.resume ?? null, cancel.signal, options.retry === true);
  return { cancel: () => cancel.abort(new Error('cancelled')), result };
};

interface RunPlan {
  context: RunContext;
  prompt: string;
  modelIds: string[];
  settings: RunSettings;
  toolbox: Toolbox;
  live: LiveRunTracker;
  saver: IncrementalCheckpointSaver;
  collector: RunEventCollector;
  /** null when the recipe gives the models no bash */
  sandbox: RunSandbox | null;
  signal: AbortSignal;
}

async function runToEnd(
  context: RunContext,
  newPrompt: string,
  onUpdate: (run: LiveRun) => void,
  resume: Checkpoint | null,
  signal: AbortSignal,
  retry: boolean,
): Promise<CompletedRun> {
  const { store } = context;
  const startedAt = Date.now();
  // a redo puts back what a rewind took only until a new run starts
  quietly(store.discardRedo());
  const recipe = activeRecipeOf(store);
  // a resumed run is the checkpoint's run: its prompt, its models in its panel order
  const prompt = resume ? resume.prompt : newPrompt;
  const kept = new Map((resume?.responses ?? []).filter((snap) => snap.completed).map((snap) => [snap.model_id, responseFromSnapshot(snap)]));
  // as Errata's /resume runs it: the completed models first (in the checkpoint's order), then the ones it re-runs
  const modelIds = resume ? [...resume.adapter_ids.filter((id) => kept.has(id)), ...resume.adapter_ids.filter((id) => !kept.has(id))] : context.models;
  if (modelIds.length === 0) throw new Error('no models to run: choose at least one model');
  const plan: RunPlan = {
    context,
    prompt,
    modelIds,
    settings: runSettings(recipe),
    toolbox: toolboxFor(recipe),
    live: new LiveRunTracker(prompt, modelIds, onUpdate),
    saver: new IncrementalCheckpointSaver(store.checkpointPath(), prompt, modelIds, context.verbose),
    collector: new RunEventCollector(),
    sandbox: null,
    signal,
  };
  if (plan.toolbox.tools.has('bash')) plan.sandbox = runSandboxFor(context, recipe);
  if (!resume) quietly(store.recordPrompt(prompt));

  modelIds.forEach((id, index) => {
    const done = kept.get(id);
    if (done) {
      plan.live.keep(index, done);
      quietly(plan.saver.markCompleted(id, responseSnapshot(done)));
    } else {
      // on disk from the first moment, so a kill -9 before the first turn still leaves a run to resume
      quietly(plan.saver.update(id, responseSnapshot(pendingResponse(id))));
    }
  });
  plan.live.changed();

  const toRun = modelIds.filter((id) => !kept.has(id));
  if (plan.settings.strategy === 'auto_compact' && !signal.aborted) await autoCompact(store, toRun, plan.settings, signal);

  const responses = await Promise.all(modelIds.map((id, index) => kept.get(id) ?? runModel(plan, id, index)));
  plan.live.finish();
  await plan.saver.flush().catch(() => undefined);
  for (const response of responses) if (!kept.has(response.modelId)) store.accumulateCost(response.modelId, response.costUsd);

  if (retry) {
    // a retry stopped by Esc changes nothing recorded: the pick it came from comes back as it was
    if (responses.some((response) => response.interrupted)) return { prompt, startedAt, responses, feedIndex: -1, cancelled: true };
    const retriedIndex = await recordRetry(store, plan, responses, modelIds.filter((id) => !kept.has(id)));
    await store.clearCheckpoint();
    return { prompt, startedAt, responses, feedIndex: retriedIndex, cancelled: false };
  }
  const feedIndex = await recordRun(store, plan, responses);
  // an interrupted run is recorded as Errata records it (histories, run, rewind entry) and keeps its checkpoint for /resume
  if (responses.some((response) => response.interrupted)) {
    const note = interruptedNote(responses);
    await store.updateLastRunNote(note);
    return { prompt, startedAt, responses, feedIndex, cancelled: true, note };
  }
  await store.clearCheckpoint();
  return { prompt, startedAt, responses, feedIndex, cancelled: false };
}

async function runModel(plan: RunPlan, modelId: string, index: number): Promise<ModelResponse> {
  const { context, live, saver, settings } = plan;
  const pricing = pricingFor(modelId);
  live.start(index, pricing.cost({ inputTokens: 0, outputTokens: 0 }) !== null);
  const lookup = adapterFor(modelId);
  if ('problem' in lookup || plan.signal.aborted) {
    const response = 'problem' in lookup ? failedResponse(modelId, `${modelId} cannot run: ${lookup.problem}`) : cancelledResponse(modelId);
    live.end(index, response, null);
    quietly(response.interrupted ? saver.update(modelId, responseSnapshot(response)) : saver.markCompleted(modelId, responseSnapshot(response)));
    return response;
  }
  const started = performance.now();
  const history = historyWindow(context.store.histories()[modelId] ?? [], settings.maxHistoryTurns);
  const outcome = await runAgent(
    {
      adapter: lookup.adapter,
      system: settings.system,
      messages: [...historyMessages(history), { role: 'user', content: plan.prompt }],
      toolbox: plan.toolbox,
      projectRoot: context.projectRoot,
      dataDirs: dataDirsOf(context.store),
      sandbox: plan.sandbox,
      maxSteps: settings.maxSteps,
      timeoutMs: settings.timeoutMs,
      bashTimeoutMs: settings.bashTimeoutMs,
      signal: plan.signal,
      pricing,
      verbose: context.verbose,
    },
    {
      progressed: (progress) => live.progress(index, progress),
      turnEnded: (progress) => quietly(saver.update(modelId, responseSnapshot(responseInProgress(modelId, progress, performance.now() - started)))),
    },
  );
  for (const event of outcome.events) plan.collector.record(modelId, event);
  const response = responseFromOutcome(modelId, outcome);
  live.end(index, response, outcome);
  // a failed model is "completed" with an error, which the checkpoint records as not completed
  quietly(response.interrupted ? saver.update(modelId, responseSnapshot(response)) : saver.markCompleted(modelId, responseSnapshot(response)));
  return response;
}

function runSandboxFor(context: RunContext, recipe: Recipe): RunSandbox {
  return new RunSandbox({
    projectRoot: context.projectRoot,
    dataDirs: dataDirsOf(context.store),
    policy: sandboxPolicyOf(recipe),
    env: process.env,
    allowUnconfined: context.allowUnconfinedBash ?? false,
  });
}

/** The Store's record of a finished run; returns its index in metadata().runs. */
async function recordRun(store: Store, plan: RunPlan, responses: ModelResponse[]): Promise<number> {
  const appended = store.appendHistories(plan.modelIds, responses, plan.prompt);
  const persisted = store.persistRunState(plan.prompt, responses, plan.collector, toolNames(plan.toolbox), { blind: plan.context.blind === true });
  const feedIndex = store.metadata().runs.length - 1;
  const [historyLengths] = await Promise.all([appended, persisted]);
  await store.pushRewindEntry({ historyLengths, feedIndex, prompt: plan.prompt });
  return feedIndex;
}

/** Errata's note for an interrupted run: the stopped models, fastest first. */
export function interruptedNote(responses: readonly ModelResponse[]): string {
  const stopped = responses.filter((response) => response.interrupted).sort((a, b) => a.latencyMs - b.latencyMs);
  return `Interrupted (${stopped.map((response) => response.modelId).join(', ')}). /resume to continue.`;
}

/** A retry is the same run: the retried models' answers go into its record, no new run or rewind entry. */
async function recordRetry(store: Store, plan: RunPlan, responses: ModelResponse[], retried: string[]): Promise<number> {
  await store.replaceRetriedResponses(plan.prompt, responses, retried, plan.collector);
  return store.metadata().runs.length - 1;
}

/** Checkpoint and prompt-history writes must not end a run; the Store reports its own at flush(). */
function quietly(write: Promise<unknown>): void {
  write.catch(() => undefined);
}

// `bakeoff run` once its options are read: open the session as the app does, run the prompt through the
// same engine and recording path (SessionRuns), keep what --pick says, print the report, return the exit code.
// Every line it prints goes through print.ts, which makes control characters visible.
import type { Recipe } from '../../../store/index.js';
import { applyChoice, loadDotEnv, startRun } from '../../runs/index.js';
import { adapterFor, customEndpoint } from '../../runs/resolve-models.js';
import { activeRecipeOf } from '../../runs/run-settings.js';
import { detectSandbox } from '../../runs/sandbox/detect-sandbox.js';
import { recipeAllowsBash } from '../../runs/sandbox/sandbox-policy.js';
import type { LiveRun } from '../../runs/types.js';
import { ApplyConflictError, conflictList } from '../../runs/apply-conflicts.js';
import { openSession, type OpenedSession } from '../../session/open-session.js';
import { SessionRuns, type RunStarter, type SettledRun } from '../../session/session-runs.js';
import { revealLine } from '../../session/blind-labels.js';
import { printError, printJson, printNote, printText, printWarning } from '../print.js';
import { runViews } from '../run-views.js';
import { commandHint } from '../../session/command-hint.js';
import { UsageError } from '../usage-error.js';
import { Interrupt, interruptedExitCode } from './interrupt.js';
import { modelToPick, type PickRule } from './pick.js';
import { ProgressLines } from './progress.js';
import { answered, runJson, runText, type RunReport } from './report.js';

export interface HeadlessRun {
  prompt: string;
  dataDir: string;
  continue: boolean;
  resume?: string | true;
  models?: string[];
  recipe?: string;
  pick: PickRule;
  json: boolean;
  /** blind mode: the report calls the models Model A, B, … (in a random order) until the pick, and the run is recorded blind */
  blind: boolean;
  /** --timeout, overriding the recipe's */
  timeoutMs?: number;
}

export async function runHeadless(options: HeadlessRun): Promise<number> {
  const interrupt = new Interrupt();
  try {
    // Keys and base URLs in the project's .env count like the environment (set variables win), as in the app.
    const dotEnv = loadDotEnv(process.cwd());
    const opened = await openSession({ dataDir: options.dataDir, continue: options.continue, resume: options.resume, models: options.models, recipePath: options.recipe });
    opened.warnings.unshift(...dotEnv.warnings);
    try {
      return await runInSession(opened, options, interrupt);
    } finally {
      await opened.store.close();
    }
  } finally {
    interrupt.dispose();
  }
}

async function runInSession(opened: OpenedSession, options: HeadlessRun, interrupt: Interrupt): Promise<number> {
  const { store } = opened;
  const endpoints = checkRunnable(opened.models, options.pick, options.blind);
  for (const warning of opened.warnings) printWarning(warning);
  // as on the app's start line: a key must not go to an endpoint the user has not seen
  for (const [id, endpoint] of endpoints) printNote(`${id} at ${endpoint}`);
  if (options.timeoutMs !== undefined) store.setSessionRecipe(withTimeout(store.activeRecipe() ?? opened.recipe, options.timeoutMs));
  // the app asks before bash runs unconfined; a script cannot answer, so it is refused, and said so before the run
  if (recipeAllowsBash(activeRecipeOf(store))) {
    const support = await detectSandbox();
    if (support.bwrap === null) printWarning(`no sandbox for bash here (${support.missing ?? 'no bubblewrap'}): each bash call is refused (the app asks before running it unconfined)`);
  }
  if (interrupt.interrupted) {
    printError('interrupted before the run started; nothing was recorded');
    return interruptedExitCode;
  }

  // no /retry here: a run whose models all failed is recorded as skipped at once
  const runs = new SessionRuns(store, opened.resumed, applyChoice, { offersRetry: false });
  const progress = process.stderr.isTTY ? new ProgressLines(process.stderr) : null;
  let settled: SettledRun;
  try {
    settled = await runs.run(starter(progress, interrupt), {
      prompt: options.prompt,
      models: opened.models,
      verbose: false,
      blind: options.blind,
      onLabels: (labels) => progress?.disguise(labels),
      onSaveError: (error) => printWarning(`could not save the session: ${error instanceof Error ? error.message : String(error)}`),
    });
  } finally {
    progress?.stop();
  }
  if (settled.kind === 'retry-cancelled') throw new Error('a retry ended where no retry was asked for');
  if (settled.kind === 'cancelled') {
    await store.flush();
    // the live lines called the models by label: say which was which (without them there is nothing to decode)
    if (settled.revealed && progress) printNote(revealLine(settled.revealed));
    // recorded as the app's Esc records it (the note names the stopped models); the checkpoint is what /resume finishes
    printError(`interrupted: the run is recorded as interrupted and its checkpoint stays. To finish it: ${commandHint(opened.layout.root, '--resume', store.sessionId())}, then /resume`);
    return interruptedExitCode;
  }

  const { run } = settled;
  const kept = await keep(runs, settled, options.pick);
  // everything on disk before anything is printed: a report never describes a run that was not saved
  await store.flush();
  const runNumber = runViews(store.metadata(), null).find((view) => view.index === run.feedIndex)?.number ?? run.feedIndex + 1;
  const report: RunReport = {
    sessionId: store.sessionId(),
    runNumber,
    responses: run.responses,
    labels: settled.labels,
    picked: kept.picked,
    note: kept.note,
    appliedFiles: kept.applied,
  };
  if (options.json) printJson(runJson(report));
  else printText(runText(report));

  // one line: when no model answered, that is also why a pick could not be made
  let problem = kept.problem;
  if (!run.responses.some(answered)) problem = `no model answered: ${run.responses.map((r) => `${r.modelId} (${r.error || 'interrupted'})`).join(', ')}`;
  if (problem) printError(problem);
  if (interrupt.interrupted) return interruptedExitCode;
  return problem ? 1 : 0;
}

/**
 * Every model must be able to run, and a --pick model must be one of them, before anything is written.
 * Returns the models whose endpoint is not their provider's default, with where it came from.
 */
function checkRunnable(models: readonly string[], pick: PickRule, blind: boolean): [string, string][] {
  const problems: string[] = [];
  const endpoints: [string, string][] = [];
  for (const id of models) {
    const lookup = adapterFor(id);
    if ('problem' in lookup) {
      problems.push(`${id} cannot run: ${lookup.problem}`);
      continue;
    }
    const endpoint = customEndpoint(lookup.settings);
    if (endpoint) endpoints.push([id, endpoint]);
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  // a name given before the answers are seen is not a blind judgement, and a label is drawn only when the run starts
  if (blind && pick.kind === 'model') {
    throw new UsageError(`--pick ${pick.modelId}: a blind run keeps an answer by a rule, not by a model or a label; give fastest, cheapest or none`);
  }
  if (pick.kind === 'model' && !models.includes(pick.modelId)) {
    throw new UsageError(`--pick: ${pick.modelId} is not a model of this run (${models.join(', ')}); give one of them, fastest, cheapest or none`);
  }
  return endpoints;
}

function withTimeout(recipe: Recipe, timeoutMs: number): Recipe {
  return { ...recipe, constraints: { ...recipe.constraints, timeoutMs } };
}

/** The engine's run, its live state drawn on stderr, cancelled by Ctrl-C. */
function starter(progress: ProgressLines | null, interrupt: Interrupt): RunStarter {
  return async (context, prompt, options) => {
    let final: LiveRun | null = null;
    const handle = startRun(
      context,
      prompt,
      (live) => {
        final = live;
        progress?.update(live);
      },
      options,
    );
    interrupt.onInterrupt(() => handle.cancel());
    const run = await handle.result;
    return { run, final };
  };
}

interface Kept {
  picked: string | null;
  note: string;
  applied: string[];
  /** why the asked-for pick could not be made */
  problem?: string;
}

/** What --pick keeps: `none` records the run as skipped, as the app's `s` does. */
async function keep(runs: SessionRuns, settled: Extract<SettledRun, { kind: 'recorded' | 'pick' }>, rule: PickRule): Promise<Kept> {
  const { run } = settled;
  const options = settled.kind === 'pick' ? settled.options : [];
  if (rule.kind === 'none') {
    if (settled.kind === 'recorded') return { picked: null, note: settled.choice.note, applied: [] };
    const skipped = await runs.choose(run, { kind: 'skip' });
    return { picked: null, note: skipped.note, applied: [] };
  }
  const target = modelToPick(rule, options, run);
  if ('problem' in target) return nothingKept(runs, settled, target.problem);
  try {
    const chosen = await runs.choose(run, { kind: 'pick', modelId: target.modelId });
    return { picked: target.modelId, note: chosen.note, applied: chosen.applied };
  } catch (error) {
    return nothingKept(runs, settled, `cannot apply the answer of ${target.modelId}: ${whyNotApplied(error)}`);
  }
}

/** A pick that could not be made: the run is recorded as skipped (as every finished run has a note), and why. */
async function nothingKept(runs: SessionRuns, settled: Extract<SettledRun, { kind: 'recorded' | 'pick' }>, problem: string): Promise<Kept> {
  const note = settled.kind === 'recorded' ? settled.choice.note : (await runs.choose(settled.run, { kind: 'skip' })).note;
  return { picked: null, note, applied: [], problem };
}

/** The apply's error, in the words of a command line (the app's says how to force it with `1!`, which is not here). */
function whyNotApplied(error: unknown): string {
  if (error instanceof ApplyConflictError) return `${conflictList(error.conflicts)} changed in the project during the run, so nothing was written`;
  return error instanceof Error ? error.message : String(error);
}

// What the user's Enter sets off: a run and the pick after it, or a slash command and what its result asks
// for. Everything goes through the Store; the app re-reads it afterwards (`refresh`).
import { useRef } from 'react';
import { useStdout } from 'ink';
import type { RewindMode } from '../../store/rewind-plan.js';
import type { Choice, CompletedRun, StartRunOptions } from '../runs/types.js';
import { commands, findCommand, splitCommandLine, unknownCommandMessage } from '../commands/registry.js';
import { rewoundResult } from '../commands/rewind.js';
import { sessionsCommand } from '../commands/sessions.js';
import { trashSession } from '../../store/manage/session-trash.js';
import type { CommandContext, CommandResult, Dialog } from '../commands/types.js';
import { revealLine, type BlindLabels } from '../session/blind-labels.js';
import { SessionRuns, type SettledRun } from '../session/session-runs.js';
import { feedItemFromRun, feedMessage } from './feed.js';
import type { AppServices, AppSession } from './services.js';
import { CLEAR_TERMINAL, type FeedState } from './use-feed.js';
import type { RunLifecycle } from './use-run.js';
import type { SelectionState } from './use-selection.js';
import type { SandboxGate } from './use-sandbox.js';
import { activeRecipeOf } from '../runs/run-settings.js';

export interface SessionActionsDeps {
  session: AppSession;
  services: AppServices;
  debug: boolean;
  feed: FeedState;
  run: RunLifecycle;
  selection: SelectionState;
  sandbox: SandboxGate;
  verbose: boolean;
  setVerbose(verbose: boolean): void;
  blind: boolean;
  setBlind(blind: boolean): void;
  /** blind mode: the labels of the run on screen, null when names may show */
  setRunLabels(labels: BlindLabels | null): void;
  setDialog(dialog: Dialog | null): void;
  /** puts text in the prompt line, editable and not sent */
  replaceInput(value: string): void;
  /** opens $VISUAL/$EDITOR on the text, the result in the prompt line */
  editPrompt(text: string): void;
  refresh(): void;
  quit(): void;
  switchSession(sessionId: string): void;
  /** the session runs these models from the next prompt on; returns what is wrong with any of them */
  changeModels(models: string[]): string[];
}

export interface SessionActions {
  /** `agreedNow`: the user just allowed unconfined bash (the answer to the sandbox question) */
  runPrompt(prompt: string, options?: StartRunOptions, agreedNow?: boolean): Promise<void>;
  /** /retry and `r` Enter at the pick: run the failed models again, keeping the answers that worked */
  retry(): Promise<void>;
  choose(choice: Choice): Promise<void>;
  runCommand(line: string): Promise<void>;
  /** the rewind picker's confirm; a failure (files changed by hand, unless allowed) is the caller's to show */
  rewindTo(feedIndex: number, mode: RewindMode, allowDrift: boolean): Promise<void>;
  /** the sessions panel's delete (after its y/n): to the trash, and the panel shown again */
  deleteSession(sessionId: string): Promise<void>;
  commandContext(): CommandContext;
  unknownPriceModels: ReadonlySet<string>;
  unrecordedSpendUsd: number;
}

/** In blind mode, while a run or its pick is on screen, only these commands run: the others could name a model. */
const BLIND_SAFE_COMMANDS = new Set(['help', 'exit', 'verbose', 'retry']);

const messageOf = (error: unknown, debug: boolean): string =>
  error instanceof Error ? (debug && error.stack ? error.stack : error.message) : String(error);

export function useSessionActions(deps: SessionActionsDeps): SessionActions {
  const { session, services, debug, feed, run, selection } = deps;
  const { store } = session;
  const { stdout } = useStdout();
  // the one run path the app shares with `bakeoff run`; a ref, not state: the async flows below read it after awaits
  const runs = useRef<SessionRuns | null>(null);
  runs.current ??= new SessionRuns(store, session.resumed, services.applyChoice, { offersRetry: true });
  const sessionRuns = runs.current;

  /** Blind mode: after the pick (or a cancel), the feed says which label was which model. */
  const reveal = (labels: BlindLabels | null) => {
    deps.setRunLabels(sessionRuns.labels);
    if (labels) feed.add('info', revealLine(labels));
  };

  const commandContext = (): CommandContext => ({
    store,
    session: { layout: session.layout, models: session.models, recipeModels: session.recipeModels ?? session.models, projectRoot: store.projectRoot() },
    ui: { verbose: deps.verbose, blind: deps.blind, unrecordedSpendUsd: sessionRuns.unrecordedSpendUsd, unknownPriceModels: sessionRuns.unknownPriceModels, commands },
    services,
  });

  const finishPick = async (completed: CompletedRun, choice: Choice): Promise<boolean> => {
    try {
      const { note, revealed } = await sessionRuns.choose(completed, choice);
      feed.append(feedItemFromRun(completed, note, choice.kind === 'pick' ? choice.modelId : '', sessionRuns.unknownPriceModels));
      reveal(revealed);
      return true;
    } catch (error) {
      // a conflict is a question to the user, not a failure
      selection.fail(error instanceof Error && error.name === 'ApplyConflictError' ? error.message : `Could not record the choice: ${messageOf(error, debug)}`);
      return false;
    } finally {
      deps.refresh();
    }
  };

  /** What the run ended in, on screen: the pick, the feed line of a cancelled or skipped run, the pick a cancelled retry gives back. */
  const show = (settled: SettledRun): void => {
    switch (settled.kind) {
      case 'retry-cancelled':
        run.clear();
        selection.begin(settled.run, settled.options);
        feed.add('info', 'Retry cancelled: the answers you had are there to pick from.');
        return;
      case 'cancelled':
        feed.append(feedItemFromRun(settled.run, settled.run.note ?? 'Interrupted. /resume to continue.', '', sessionRuns.unknownPriceModels));
        reveal(settled.revealed);
        run.clear();
        return;
      case 'recorded':
        feed.append(feedItemFromRun(settled.run, settled.choice.note, '', sessionRuns.unknownPriceModels));
        reveal(settled.revealed);
        run.clear();
        return;
      case 'pick':
        selection.begin(settled.run, settled.options);
    }
  };

  /** Runs through SessionRuns and shows the outcome; a run that could not start is an error line (and names show). */
  const settle = async (running: () => Promise<SettledRun> | null): Promise<void> => {
    try {
      const settled = await running();
      if (settled) show(settled);
    } catch (error) {
      feed.add('error', `The run failed: ${messageOf(error, debug)}`);
      reveal(sessionRuns.takeLabels());
      run.clear();
    }
    deps.refresh();
  };

  const runRequest = (agreedNow: boolean) => ({
    models: session.models,
    verbose: deps.verbose,
    allowUnconfinedBash: agreedNow || deps.sandbox.agreed,
    onLabels: deps.setRunLabels,
    onSaveError: (error: unknown) => feed.add('error', messageOf(error, debug)),
  });

  const runPrompt = async (prompt: string, options: StartRunOptions = {}, agreedNow = false): Promise<void> => {
    // no sandbox for bash here: the user is asked first (the prompt waits for the answer)
    const question = agreedNow ? null : await deps.sandbox.admit({ prompt, options }, activeRecipeOf(store));
    if (question !== null) {
      feed.add('warning', question);
      deps.refresh();
      return;
    }
    await settle(() => sessionRuns.run(run.start, { ...runRequest(agreedNow), prompt, resume: options.resume, blind: deps.blind }));
  };

  const retry = async (): Promise<void> => {
    const pending = selection.pending;
    if (run.running) {
      feed.add('error', '/retry has to wait: a run is under way (Esc cancels it).');
      return;
    }
    if (!pending) {
      feed.add('info', 'Nothing to retry: /retry (or r Enter) works at the pick after a run.');
      return;
    }
    const retrying = sessionRuns.retry(run.start, pending, runRequest(false));
    if (!retrying) {
      selection.fail('Nothing to retry: every model answered.');
      return;
    }
    selection.end();
    await settle(() => retrying);
  };

  const choose = async (choice: Choice): Promise<void> => {
    const completed = selection.pending;
    if (!completed) return;
    if (await finishPick(completed, choice)) {
      selection.end();
      run.clear();
    }
  };

  const handleResult = async (result: CommandResult): Promise<void> => {
    switch (result.type) {
      case 'message':
        feed.add(result.level, result.text);
        return;
      case 'dialog':
        deps.setDialog(result.dialog);
        return;
      case 'quit':
        deps.quit();
        return;
      case 'clear':
        stdout.write(CLEAR_TERMINAL);
        feed.reset([feedMessage('info', result.text)]);
        return;
      case 'rewound':
        stdout.write(CLEAR_TERMINAL);
        feed.annotate(result.undone, result.text);
        deps.setDialog(null);
        deps.replaceInput(result.restoredPrompt);
        return;
      case 'redone':
        stdout.write(CLEAR_TERMINAL);
        feed.annotate(result.redone, result.text);
        deps.setDialog(null);
        return;
      case 'run':
        await runPrompt(result.prompt, { resume: result.resume });
        return;
      case 'retry':
        await retry();
        return;
      case 'switch-session':
        deps.switchSession(result.sessionId);
        return;
      case 'models':
        feed.add('info', result.text);
        for (const problem of deps.changeModels(result.models)) feed.add('warning', problem);
        return;
      case 'verbose':
        deps.setVerbose(result.verbose);
        feed.add('info', result.text);
        return;
      case 'edit-prompt':
        deps.editPrompt(result.text);
        return;
      case 'blind':
        deps.setBlind(result.blind);
        feed.add('info', result.text);
        return;
    }
  };

  const runCommand = async (line: string): Promise<void> => {
    const { name, args } = splitCommandLine(line);
    const command = findCommand(name);
    if (!command) {
      feed.add('error', unknownCommandMessage(name));
      return;
    }
    if (sessionRuns.labels && !BLIND_SAFE_COMMANDS.has(command.name)) {
      feed.add('error', `/${command.name} has to wait: this run is blind and it could name a model; pick first (or s to skip).`);
      return;
    }
    if (command.idleOnly && (run.running || selection.pending)) {
      const why = run.running ? 'a run is under way (Esc cancels it)' : 'pick a response first (or s to skip)';
      feed.add('error', `/${command.name} has to wait: ${why}.`);
      return;
    }
    try {
      await handleResult(await command.action(commandContext(), args));
    } catch (error) {
      feed.add('error', `/${command.name} failed: ${messageOf(error, debug)}`);
    }
    deps.refresh();
  };

  const rewindTo = async (feedIndex: number, mode: RewindMode, allowDrift: boolean): Promise<void> => {
    try {
      await handleResult(rewoundResult(store, await store.rewindTo(feedIndex, mode, { allowDrift })));
    } finally {
      deps.refresh();
    }
  };

  const deleteSession = async (sessionId: string): Promise<void> => {
    if (sessionId === store.sessionId()) {
      feed.add('error', `Session ${sessionId} is the one open here: switch to another (or quit) before deleting it.`);
      return;
    }
    try {
      await trashSession(session.layout, sessionId);
      feed.add('info', `Moved ${sessionId} to the trash (bakeoff restore ${sessionId} brings it back).`);
    } catch (error) {
      feed.add('error', `Cannot delete ${sessionId}: ${messageOf(error, debug)}`);
    }
    await handleResult(await sessionsCommand.action(commandContext(), ''));
  };

  return {
    runPrompt,
    retry,
    choose,
    runCommand,
    rewindTo,
    deleteSession,
    commandContext,
    unknownPriceModels: sessionRuns.unknownPriceModels,
    unrecordedSpendUsd: sessionRuns.unrecordedSpendUsd,
  };
}

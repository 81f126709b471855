// The root of one session's screen: its state, the keys, and the layout (feed, live run, pick, panel,
// input, status bar). Keyed by session id, so switching sessions mounts a fresh one.
import { Box, measureElement, useStdin, type DOMElement } from 'ink';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { completeLine, commandSuggestions, isCommandLine } from '../commands/registry.js';
import type { Dialog } from '../commands/types.js';
import { Feed, FeedEntry } from '../../components/Feed.js';
import { LiveRun } from '../../components/LiveRun.js';
import { PromptInput } from '../../components/PromptInput.js';
import { Selection } from '../../components/Selection.js';
import { StatusBar } from '../../components/StatusBar.js';
import type { FeedItem } from '../../components/types.js';
import { DialogHost, panelHint, panelTakesSlash } from './DialogHost.js';
import { feedFromSession, feedMessage } from './feed.js';
import type { AppServices, AppSession } from './services.js';
import { useExitConfirm } from './use-exit-confirm.js';
import { useFeed } from './use-feed.js';
import { useInputHistory } from './use-input-history.js';
import { useReverseSearch } from './use-reverse-search.js';
import { useRun } from './use-run.js';
import { useSelection } from './use-selection.js';
import { useSandbox } from './use-sandbox.js';
import { activeRecipeOf } from '../runs/run-settings.js';
import { useSessionActions } from './use-session-actions.js';
import { useStatus } from './use-status.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useAppKeys } from './use-app-keys.js';
import { maskNames, type BlindLabels } from '../session/blind-labels.js';
import { failedModels } from '../runs/retry.js';
import type { RewindActions } from './use-rewind-picker.js';
import { useLatest } from './use-latest.js';
import { usePromptEditor } from './use-prompt-editor.js';
import { useSuggestionCursor } from './use-suggestions.js';
import { useRedraw } from './use-redraw.js';
import { useExternalEditor } from './use-external-editor.js';
import { cleanPastedText } from '../editor/key-reader.js';
import { recallableEntries } from './recallable-prompts.js';
import { commandHint } from '../session/command-hint.js';

export interface AppProps {
  session: AppSession;
  services: AppServices;
  debug?: boolean;
  /** start in blind mode (`bakeoff --blind`) */
  blind?: boolean;
  /** the Store is flushed; leave (an error says why flushing failed) */
  onQuit(error?: Error): void;
  /** close this session and open another; rejects when it cannot be opened */
  onSwitchSession(sessionId: string): Promise<void>;
  /** run these models from the next prompt on (a recipe was loaded); returns what is wrong with any of them */
  onChangeModels(models: string[]): string[];
}

function initialFeed(session: AppSession, blind: boolean): FeedItem[] {
  const { store } = session;
  const resumed = feedFromSession(store.metadata(), store.content());
  const items: FeedItem[] = [];
  if (resumed.hidden > 0) items.push(feedMessage('info', `${resumed.hidden} earlier runs are not shown; ${commandHint(session.layout.root, 'show', store.sessionId())} lists every run`));
  items.push(...resumed.items);
  for (const warning of session.warnings) items.push(feedMessage('warning', warning));
  const named = session.models.map((id) => (session.endpoints?.[id] ? `${id} at ${session.endpoints[id]}` : id)).join(', ') || 'none';
  const models = blind ? `${session.models.length}, blind (names show after each pick)` : named;
  const verb = session.resumed ? 'Resumed' : 'New';
  items.push(feedMessage('info', `${verb} session ${store.sessionId()} · models: ${models} · type a prompt, or /help`));
  return items;
}

export function App({ session, services, debug = false, blind: blindAtStart = false, onQuit, onSwitchSession, onChangeModels }: AppProps) {
  const { store } = session;
  const { isRawModeSupported } = useStdin();
  const { columns, rows } = useTerminalSize();
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const [verbose, setVerbose] = useState(false);
  const [blind, setBlind] = useState(blindAtStart);
  const [runLabels, setRunLabels] = useState<BlindLabels | null>(null);
  const disguise = useMemo(() => (runLabels ? { ...runLabels, mask: (text: string) => maskNames(runLabels, text) } : null), [runLabels]);
  // the open panel; the ref is what the key router reads, so a `/` closing it counts for the next key of a burst
  const [dialog, setDialogState] = useState<Dialog | null>(null);
  const dialogNow = useRef<Dialog | null>(null);
  const setDialog = useCallback((next: Dialog | null) => {
    dialogNow.current = next;
    setDialogState(next);
  }, []);
  const [candidates, setCandidates] = useState<string[]>([]);
  const run = useRun(services.startRun);
  const feed = useFeed(() => initialFeed(session, blindAtStart), run.onScreen);
  const selection = useSelection();
  const sandbox = useSandbox(services.detectSandbox, () => activeRecipeOf(store), (text) => feed.add('warning', text));
  const editor = usePromptEditor();
  const suggestionCursor = useSuggestionCursor();
  const replaceInput = editor.set;

  const quitting = useRef(false);
  const quit = useCallback(async () => {
    if (quitting.current) return;
    quitting.current = true;
    run.cancel();
    await run.settled();
    try {
      await store.close();
      onQuit();
    } catch (error) {
      onQuit(error as Error);
    }
  }, [run, store, onQuit]);

  const addMessage = feed.add;
  const switchSession = useCallback(
    (sessionId: string) => {
      setDialog(null);
      onSwitchSession(sessionId).catch((error: Error) => addMessage('error', `Cannot switch to ${sessionId}: ${error.message}`));
    },
    [onSwitchSession, addMessage, setDialog],
  );

  const redraw = useRedraw(feed.remount);
  const externalEditor = useExternalEditor(redraw);
  const editPrompt = (text: string) => {
    const outcome = externalEditor(text);
    if ('error' in outcome) feed.add('error', outcome.error);
    else editor.set(cleanPastedText(outcome.text));
  };

  const actions = useSessionActions({
    session,
    services,
    debug,
    feed,
    run,
    selection,
    sandbox,
    verbose,
    setVerbose,
    blind,
    setBlind,
    setRunLabels,
    setDialog,
    replaceInput,
    editPrompt,
    refresh,
    quit: () => void quit(),
    switchSession,
    changeModels: onChangeModels,
  });

  // held messages join the scrollback once the run has left the screen
  useEffect(() => {
    if (!run.live) feed.release();
  }, [run.live, feed]);

  // stable, so the memoized DialogHost does not re-render with every keystroke
  const latestActions = useLatest(actions);
  const rewindActions = useMemo<RewindActions>(
    () => ({
      plan: (feedIndex, mode) => store.rewindPlan(feedIndex, mode),
      rewindTo: (feedIndex, mode, allowDrift) => latestActions.current.rewindTo(feedIndex, mode, allowDrift),
    }),
    [store, latestActions],
  );

  // the sessions panel's `d`: to the trash, then the panel again with what is left
  const deleteSession = useCallback((sessionId: string) => void latestActions.current.deleteSession(sessionId), [latestActions]);

  const recallable = useMemo(() => recallableEntries(), []);
  const promptEntries = useCallback(() => recallable(store.promptHistory()), [store, recallable]);
  const history = useInputHistory(promptEntries);
  const search = useReverseSearch(promptEntries, replaceInput);
  const exitConfirm = useExitConfirm(() => void quit());

  const suggestionsFor = (text: string) => (selection.pending ? [] : commandSuggestions(text));

  const submit = () => {
    const typed = editor.current().text;
    const picked = suggestionsFor(typed)[suggestionCursor.index()];
    suggestionCursor.reset();
    setCandidates([]);
    history.reset();
    if (picked?.args) {
      editor.set(`/${picked.name} `);
      return;
    }
    const line = picked ? `/${picked.name}` : typed;
    if (selection.pending && !isCommandLine(line)) {
      replaceInput('');
      if (/^\s*(r|retry)\s*$/i.test(line)) {
        void actions.retry();
        return;
      }
      const choice = selection.parse(line);
      if (choice) void actions.choose(choice);
      return;
    }
    if (sandbox.waiting) {
      // the answer to the question about running bash with no sandbox
      replaceInput('');
      const allowed = sandbox.answer(line);
      if (allowed) void actions.runPrompt(allowed.prompt, allowed.options, true);
      else feed.add('info', 'Not sent: bash needs a sandbox here, or your y. Install bubblewrap, or send the prompt again and answer y.');
      return;
    }
    if (line.trim() === '') return;
    replaceInput('');
    if (isCommandLine(line)) {
      void actions.runCommand(line);
    } else if (run.running) {
      feed.add('warning', 'A run is under way: wait for it, or press Esc to cancel it.');
      replaceInput(line);
    } else {
      void actions.runPrompt(line.trimEnd());
    }
  };

  useAppKeys({
    enabled: isRawModeSupported,
    editor,
    search,
    suggestions: suggestionCursor,
    suggestionCount: (text) => suggestionsFor(text).length,
    dialogOpen: () => dialogNow.current !== null,
    dialogTakesSlash: () => dialogNow.current !== null && panelTakesSlash(dialogNow.current.kind),
    closeDialog: () => setDialog(null),
    picking: selection.pending !== null,
    historyWalking: history.walking,
    onCtrlC: () => {
      search.cancel();
      if (editor.current().text) replaceInput('');
      exitConfirm.press();
    },
    onEscape: () => {
      if (dialogNow.current) setDialog(null);
      else if (run.running) run.cancel();
      else {
        setCandidates([]);
        suggestionCursor.reset();
      }
    },
    onRedraw: redraw,
    onOpenEditor: () => editPrompt(editor.current().text),
    onSearch: () => search.start(editor.current().text),
    onMoveChoice: selection.move,
    onHistory: (direction) => {
      const value = direction === 'older' ? history.older(editor.current().text) : history.newer();
      if (value === null) return false;
      replaceInput(value);
      return true;
    },
    onTab: () => {
      const text = editor.current().text;
      const picked = suggestionsFor(text)[suggestionCursor.index()];
      suggestionCursor.reset();
      if (picked) {
        replaceInput(`/${picked.name}${picked.args ? ' ' : ''}`);
        return;
      }
      void completeLine(text, actions.commandContext()).then(({ line, candidates: found }) => {
        replaceInput(line);
        setCandidates(found);
      });
    },
    onSubmit: submit,
    onEdited: () => {
      suggestionCursor.reset();
      if (candidates.length > 0) setCandidates([]);
    },
  });

  const status = useStatus(store, session.models, {
    revision,
    running: run.running,
    verbose,
    blind,
    unrecordedSpendUsd: actions.unrecordedSpendUsd,
    unknownPriceModels: actions.unknownPriceModels,
    sandboxLabel: sandbox.label(activeRecipeOf(store)),
  });
  const hint = exitConfirm.armed ? 'Press Ctrl-C again to exit' : run.running ? 'Running… Esc cancels' : undefined;
  const placeholder = selection.pending ? 'a number and Enter keeps that response; s skips' : 'Type a prompt, or /help';

  // what is drawn above a panel (the run, its pick, held messages), so the panel fits under it
  const above = useRef<DOMElement>(null);
  const [aboveRows, setAboveRows] = useState(0);
  useEffect(() => {
    const measured = above.current ? measureElement(above.current).height : 0;
    if (measured !== aboveRows) setAboveRows(measured);
  });
  // the dimmed prompt box (3), the status bar, and the row Ink keeps free
  const panelRows = Math.max(6, rows - aboveRows - 5);
  const { text, cursor } = editor.current();

  return (
    <Box flexDirection="column">
      <Feed key={`feed-${feed.staticKey}`} items={feed.items} />
      <Box ref={above} flexDirection="column">
        {run.live ? <LiveRun run={run.live} verbose={verbose} columns={columns} disguise={disguise} /> : null}
        {selection.pending ? (
          <Selection
            options={selection.options}
            highlighted={selection.highlighted}
            rateable={selection.rateable}
            retryable={failedModels(selection.pending).length > 0}
            error={selection.error}
            disguise={disguise}
          />
        ) : null}
        {feed.held.map((item) => (
          <FeedEntry key={item.key} item={item} />
        ))}
      </Box>
      {dialog ? <DialogHost dialog={dialog} isActive={isRawModeSupported} height={panelRows} onSelectSession={switchSession} onDeleteSession={deleteSession} rewind={rewindActions} /> : null}
      <PromptInput
        text={text}
        cursor={cursor}
        focus={isRawModeSupported && dialog === null && !search.active()}
        hint={dialog ? panelHint(dialog.kind) : undefined}
        placeholder={placeholder}
        search={search.active() ? { query: search.query, match: search.match } : null}
        suggestions={suggestionsFor(text)}
        highlighted={suggestionCursor.index()}
        candidates={candidates}
        columns={columns}
        maxRows={Math.max(1, Math.floor(rows / 2) - 2)}
      />
      <StatusBar status={status} hint={hint} />
    </Box>
  );
}

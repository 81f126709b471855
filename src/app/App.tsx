// The root of one session's screen: its state, the keys, and the layout (feed, live run, pick, panel,
// input, status bar). Keyed by session id, so switching sessions mounts a fresh one.
import { Box, useStdin } from 'ink';
import { useCallback, useMemo, useRef, useState } from 'react';
import { completeLine, commandSuggestions, isCommandLine } from '../commands/registry.js';
import type { Dialog } from '../commands/types.js';
import { Feed } from '../../components/Feed.js';
import { LiveRun } from '../../components/LiveRun.js';
import { PromptInput } from '../../components/PromptInput.js';
import { Selection } from '../../components/Selection.js';
import { StatusBar } from '../../components/StatusBar.js';
import type { FeedItem } from '../../components/types.js';
import { DialogHost } from './DialogHost.js';
import { feedFromSession, feedMessage } from './feed.js';
import type { AppServices, AppSession } from './services.js';
import { useExitConfirm } from './use-exit-confirm.js';
import { useFeed } from './use-feed.js';
import { useInputHistory } from './use-input-history.js';
import { useReverseSearch } from './use-reverse-search.js';
import { useRun } from './use-run.js';
import { useSelection } from './use-selection.js';
import { useSessionActions } from './use-session-actions.js';
import { useStatus } from './use-status.js';
import { useTerminalSize } from './use-terminal-size.js';
import { useAppKeys } from './use-app-keys.js';
import type { RewindActions } from './use-rewind-picker.js';
import { useLatest } from './use-latest.js';
import { normalizeLineBreaks, submittedByChange } from './typed-enter.js';

export interface AppProps {
  session: AppSession;
  services: AppServices;
  debug?: boolean;
  /** the Store is flushed; leave (an error says why flushing failed) */
  onQuit(error?: Error): void;
  /** close this session and open another; rejects when it cannot be opened */
  onSwitchSession(sessionId: string): Promise<void>;
}

function initialFeed(session: AppSession): FeedItem[] {
  const { store } = session;
  const resumed = feedFromSession(store.metadata(), store.content());
  const items: FeedItem[] = [];
  if (resumed.hidden > 0) items.push(feedMessage('info', `${resumed.hidden} earlier runs are not shown; bakeoff show ${store.sessionId()} lists every run`));
  items.push(...resumed.items);
  for (const warning of session.warnings) items.push(feedMessage('warning', warning));
  const models = session.models.map((id) => (session.endpoints?.[id] ? `${id} at ${session.endpoints[id]}` : id)).join(', ') || 'none';
  const verb = session.resumed ? 'Resumed' : 'New';
  items.push(feedMessage('info', `${verb} session ${store.sessionId()} · models: ${models} · type a prompt, or /help`));
  return items;
}

export function App({ session, services, debug = false, onQuit, onSwitchSession }: AppProps) {
  const { store } = session;
  const { isRawModeSupported } = useStdin();
  const { columns } = useTerminalSize();
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const [verbose, setVerbose] = useState(false);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [input, setInput] = useState('');
  // bumped when the app sets the input, so the text field remounts with its cursor at the end
  const [inputVersion, setInputVersion] = useState(0);
  const [candidates, setCandidates] = useState<string[]>([]);
  const feed = useFeed(() => initialFeed(session));
  const run = useRun(services.startRun);
  const selection = useSelection();

  // what the field holds now, for Enter: the field may hand over a value from before the last keystroke
  const inputNow = useRef('');
  const changeInput = useCallback((value: string) => {
    inputNow.current = value;
    setInput(value);
  }, []);
  const replaceInput = useCallback((value: string) => {
    changeInput(value);
    setInputVersion((v) => v + 1);
  }, [changeInput]);

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
    [onSwitchSession, addMessage],
  );

  const actions = useSessionActions({
    session,
    services,
    debug,
    feed,
    run,
    selection,
    verbose,
    setVerbose,
    setDialog,
    replaceInput,
    refresh,
    quit: () => void quit(),
    switchSession,
  });

  // stable, so the memoized DialogHost does not re-render with every keystroke
  const latestActions = useLatest(actions);
  const rewindActions = useMemo<RewindActions>(
    () => ({
      plan: (feedIndex, mode) => store.rewindPlan(feedIndex, mode),
      rewindTo: (feedIndex, mode, allowDrift) => latestActions.current.rewindTo(feedIndex, mode, allowDrift),
    }),
    [store, latestActions],
  );

  const promptEntries = useCallback(() => store.promptHistory(), [store]);
  const history = useInputHistory(promptEntries);
  const search = useReverseSearch(promptEntries, replaceInput, isRawModeSupported);
  const exitConfirm = useExitConfirm(() => void quit());

  useAppKeys({
    enabled: isRawModeSupported,
    input: inputNow.current,
    searchActive: search.active,
    dialogOpen: dialog !== null,
    picking: selection.pending !== null,
    onCtrlC: () => {
      if (inputNow.current) replaceInput('');
      exitConfirm.press();
    },
    onEscape: () => {
      if (dialog) setDialog(null);
      else if (run.running) run.cancel();
      else setCandidates([]);
    },
    onSearch: () => search.start(inputNow.current),
    onMoveChoice: selection.move,
    onHistory: (direction) => {
      const value = direction === 'older' ? history.older(inputNow.current) : history.newer();
      if (value !== null) replaceInput(value);
    },
    onTab: () => {
      void completeLine(inputNow.current, actions.commandContext()).then(({ line, candidates: found }) => {
        replaceInput(line);
        setCandidates(found);
      });
    },
  });

  const submit = (typed: string) => {
    const line = normalizeLineBreaks(typed);
    setCandidates([]);
    history.reset();
    if (selection.pending && !isCommandLine(line)) {
      replaceInput('');
      const choice = selection.parse(line);
      if (choice) void actions.choose(choice);
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

  const latestSubmit = useLatest(submit);
  const onSubmit = useCallback(() => latestSubmit.current(inputNow.current), [latestSubmit]);

  const status = useStatus(store, session.models, {
    revision,
    running: run.running,
    verbose,
    unrecordedSpendUsd: actions.unrecordedSpendUsd,
    unknownPriceModels: actions.unknownPriceModels,
  });
  const hint = exitConfirm.armed ? 'Press Ctrl-C again to exit' : run.running ? 'Running… Esc cancels' : undefined;
  const placeholder = selection.pending ? 'a number and Enter keeps that response; s skips' : 'Type a prompt, or /help';

  return (
    <Box flexDirection="column">
      <Feed key={`feed-${feed.staticKey}`} items={feed.items} />
      {run.live ? <LiveRun run={run.live} verbose={verbose} columns={columns} /> : null}
      {selection.pending ? (
        <Selection options={selection.options} highlighted={selection.highlighted} rateable={selection.rateable} error={selection.error} />
      ) : null}
      {dialog ? <DialogHost dialog={dialog} isActive={isRawModeSupported} onSelectSession={switchSession} rewind={rewindActions} /> : null}
      <PromptInput
        key={`input-${inputVersion}`}
        value={input}
        onChange={(value) => {
          const submitted = submittedByChange(inputNow.current, value);
          if (submitted !== null) {
            changeInput(submitted);
            latestSubmit.current(submitted);
            return;
          }
          changeInput(normalizeLineBreaks(value));
          setCandidates([]);
        }}
        onSubmit={onSubmit}
        focus={isRawModeSupported && dialog === null && !search.active}
        placeholder={placeholder}
        search={search.active ? { query: search.query, match: search.match } : null}
        suggestions={selection.pending ? [] : commandSuggestions(input)}
        candidates={candidates}
      />
      <StatusBar status={status} hint={hint} />
    </Box>
  );
}

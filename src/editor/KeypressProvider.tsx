// Reads the terminal's keys for the whole app: raw mode and bracketed paste on while mounted, every piece
// Ink reads through the key reader, every key through one dispatcher. Components take keys with
// useKeypress, never with Ink's useInput (which hands a burst over as one string).
import { useStdin, useStdout } from 'ink';
import { createContext, useContext, useLayoutEffect, useMemo, useReducer, useRef, type ReactNode } from 'react';
import { KeyDispatcher, type KeyHandler } from './key-dispatcher.js';
import { BRACKETED_PASTE_OFF, BRACKETED_PASTE_ON, createKeyReader } from './key-reader.js';

const KeyContext = createContext<KeyDispatcher | null>(null);

export function KeypressProvider({ children }: { children: ReactNode }) {
  const { internal_eventEmitter: input, setRawMode, isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const dispatcher = useMemo(() => new KeyDispatcher(), []);
  // In the commit of the first frame: keys typed once the prompt shows must find the terminal raw already
  // (a cooked terminal turns Enter into Ctrl-J, a newline).
  useLayoutEffect(() => {
    if (!isRawModeSupported) return;
    setRawMode(true);
    // only a terminal understands it (and a test's fake stdout would show it as its last frame)
    const terminal = stdout.isTTY === true;
    if (terminal) stdout.write(BRACKETED_PASTE_ON);
    const reader = createKeyReader();
    const onInput = (piece: string) => dispatcher.dispatch(reader.push(piece));
    input.on('input', onInput);
    return () => {
      input.off('input', onInput);
      dispatcher.dispatch(reader.flush());
      if (terminal) stdout.write(BRACKETED_PASTE_OFF);
      setRawMode(false);
    };
  }, [dispatcher, input, isRawModeSupported, setRawMode, stdout]);
  return <KeyContext.Provider value={dispatcher}>{children}</KeyContext.Provider>;
}

export interface KeypressOptions {
  isActive?: boolean;
  /** higher goes first: the app's router is 100, panels 0 */
  priority?: number;
}

/** Take keys while active; return true from the handler to keep a key from lower priorities. */
export function useKeypress(handler: KeyHandler, { isActive = true, priority = 0 }: KeypressOptions = {}): void {
  const dispatcher = useContext(KeyContext);
  const latest = useRef(handler);
  latest.current = handler;
  // in the commit, not after it: a key read right after a panel is drawn must reach it
  useLayoutEffect(() => {
    if (!isActive || !dispatcher) return;
    return dispatcher.subscribe(latest, priority);
  }, [dispatcher, isActive, priority]);
}

/** A re-render that waits for the rest of the keys read with this one. */
export function useKeyRender(): () => void {
  const dispatcher = useContext(KeyContext);
  const [, bump] = useReducer((n: number) => n + 1, 0);
  return useMemo(() => () => (dispatcher ? dispatcher.requestRender(bump) : bump()), [dispatcher]);
}

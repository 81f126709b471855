// Ctrl-R: search the prompt history as you type; Ctrl-R again for the next older match, Enter takes it,
// Esc gives back what was typed before. Its keys come from the app's router, one at a time, in order.
import { useMemo, useRef } from 'react';
import { isChord, type KeyEvent } from '../editor/key-event.js';
import { useKeyRender } from '../editor/KeypressProvider.js';

interface SearchState {
  query: string;
  /** matches skipped by pressing Ctrl-R again */
  skip: number;
  saved: string;
}

export interface ReverseSearch {
  active(): boolean;
  query: string;
  match: string | null;
  start(current: string): void;
  cancel(): void;
  /** one key while the search is active */
  handle(key: KeyEvent): void;
}

export function matchesFor(entries: readonly string[], query: string): string[] {
  const wanted = query.toLowerCase();
  return entries.filter((entry) => entry.toLowerCase().includes(wanted));
}

export function useReverseSearch(entries: () => readonly string[], onDone: (value: string) => void): ReverseSearch {
  const state = useRef<SearchState | null>(null);
  const render = useKeyRender();
  const latestDone = useRef(onDone);
  latestDone.current = onDone;

  const matchOf = (s: SearchState): string | null => {
    const matches = matchesFor(entries(), s.query);
    return matches[Math.min(s.skip, matches.length - 1)] ?? null;
  };

  const controls = useMemo(() => {
    const setState = (next: SearchState | null) => {
      state.current = next;
      render();
    };
    return {
      start: (current: string) => setState({ query: '', skip: 0, saved: current }),
      cancel: () => {
        if (state.current) setState(null);
      },
      handle: (key: KeyEvent) => {
        const s = state.current;
        if (!s) return;
        if (key.name === 'return' || key.name === 'escape') {
          const match = matchOf(s);
          setState(null);
          latestDone.current(key.name === 'return' && match !== null ? match : s.saved);
        } else if (isChord(key, 'r', 'ctrl')) {
          const count = matchesFor(entries(), s.query).length;
          setState({ ...s, skip: Math.min(s.skip + 1, Math.max(0, count - 1)) });
        } else if (key.name === 'backspace') {
          setState({ ...s, query: [...s.query].slice(0, -1).join(''), skip: 0 });
        } else if (key.name === 'text') {
          setState({ ...s, query: s.query + key.text.replace(/\n/g, ' '), skip: 0 });
        }
      },
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [render, entries]);

  const current = state.current;
  return {
    active: () => state.current !== null,
    query: current?.query ?? '',
    match: current ? matchOf(current) : null,
    ...controls,
  };
}

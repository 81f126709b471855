// Ctrl-R: search the prompt history as you type; Ctrl-R again for the next older match, Enter takes it,
// Esc gives back what was typed before.
import { useInput } from 'ink';
import { useState } from 'react';
import { useLatest } from './use-latest.js';

interface SearchState {
  query: string;
  /** matches skipped by pressing Ctrl-R again */
  skip: number;
  saved: string;
}

export interface ReverseSearch {
  active: boolean;
  query: string;
  match: string | null;
  start(current: string): void;
}

export function matchesFor(entries: readonly string[], query: string): string[] {
  const wanted = query.toLowerCase();
  return entries.filter((entry) => entry.toLowerCase().includes(wanted));
}

export function useReverseSearch(entries: () => readonly string[], onDone: (value: string) => void, enabled: boolean): ReverseSearch {
  const [state, setState] = useState<SearchState | null>(null);
  const matches = state ? matchesFor(entries(), state.query) : [];
  const match = state ? (matches[Math.min(state.skip, matches.length - 1)] ?? null) : null;
  const latest = useLatest({ state, matches, match, onDone });

  useInput(
    (input, key) => {
      const { state, matches, match, onDone } = latest.current;
      if (!state) return;
      if (key.return || key.escape) {
        setState(null);
        onDone(key.return && match !== null ? match : state.saved);
      } else if (key.ctrl && input === 'r') {
        setState({ ...state, skip: Math.min(state.skip + 1, Math.max(0, matches.length - 1)) });
      } else if (key.backspace || key.delete) {
        setState({ ...state, query: state.query.slice(0, -1), skip: 0 });
      } else if (!key.ctrl && !key.meta && input && !key.upArrow && !key.downArrow && !key.tab) {
        setState({ ...state, query: state.query + input, skip: 0 });
      }
    },
    { isActive: enabled && state !== null },
  );

  return {
    active: state !== null,
    query: state?.query ?? '',
    match,
    start: (current) => setState({ query: '', skip: 0, saved: current }),
  };
}

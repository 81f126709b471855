// The scrollback's items and the key of its <Static>: appending prints once, a new key prints all again.
import { useCallback, useState } from 'react';
import type { FeedItem } from '../../components/types.js';
import { annotateRun, feedMessage } from './feed.js';

/** Clear the screen and the scrollback, as Gemini CLI does before remounting <Static>. */
export const CLEAR_TERMINAL = '\u001B[2J\u001B[3J\u001B[H';

export interface FeedState {
  items: FeedItem[];
  staticKey: number;
  add(level: 'info' | 'error' | 'warning', text: string): void;
  append(item: FeedItem): void;
  /** new items and a remount (the caller clears the terminal first) */
  reset(items: FeedItem[]): void;
  /** each rewound run's new note, then a remount */
  annotate(undone: readonly { feedIndex: number; note: string }[], message: string): void;
}

export function useFeed(initial: () => FeedItem[]): FeedState {
  const [items, setItems] = useState(initial);
  const [staticKey, setStaticKey] = useState(0);
  const add = useCallback((level: 'info' | 'error' | 'warning', text: string) => setItems((prev) => [...prev, feedMessage(level, text)]), []);
  const append = useCallback((item: FeedItem) => setItems((prev) => [...prev, item]), []);
  const reset = useCallback((next: FeedItem[]) => {
    setItems(next);
    setStaticKey((k) => k + 1);
  }, []);
  const annotate = useCallback((undone: readonly { feedIndex: number; note: string }[], message: string) => {
    setItems((prev) => [...undone.reduce((items, { feedIndex, note }) => annotateRun(items, feedIndex, note), prev), feedMessage('info', message)]);
    setStaticKey((k) => k + 1);
  }, []);
  return { items, staticKey, add, append, reset, annotate };
}

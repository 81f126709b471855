// The scrollback's items and the key of its <Static>: appending prints once, a new key prints all again.
// While a run is on screen, messages wait under it and join the scrollback after the run's entry, so they
// read in order below the prompt they are about.
import { useCallback, useState } from 'react';
import type { FeedItem } from '../../components/types.js';
import { annotateRun, feedMessage } from './feed.js';

/** Clear the screen and the scrollback, as Gemini CLI does before remounting <Static>. */
export const CLEAR_TERMINAL = '\u001B[2J\u001B[3J\u001B[H';

export interface FeedState {
  items: FeedItem[];
  /** messages shown under the run on screen, for the scrollback after it */
  held: FeedItem[];
  staticKey: number;
  add(level: 'info' | 'error' | 'warning', text: string): void;
  /** a run's entry: the messages held during it follow it */
  append(item: FeedItem): void;
  /** the run left the screen without an entry: its held messages go to the scrollback */
  release(): void;
  /** new items and a remount (the caller clears the terminal first) */
  reset(items: FeedItem[]): void;
  /** each rewound run's new note, then a remount */
  annotate(undone: readonly { feedIndex: number; note: string }[], message: string): void;
  /** print everything again (the caller clears the terminal first) */
  remount(): void;
}

interface Feed {
  items: FeedItem[];
  held: FeedItem[];
}

/** `runOnScreen` says whether a run's panels (or its pick) are showing now. */
export function useFeed(initial: () => FeedItem[], runOnScreen: () => boolean): FeedState {
  const [feed, setFeed] = useState<Feed>(() => ({ items: initial(), held: [] }));
  const [staticKey, setStaticKey] = useState(0);
  const add = useCallback(
    (level: 'info' | 'error' | 'warning', text: string) => {
      const message = feedMessage(level, text);
      const hold = runOnScreen();
      setFeed((prev) => (hold ? { ...prev, held: [...prev.held, message] } : { ...prev, items: [...prev.items, message] }));
    },
    [runOnScreen],
  );
  const append = useCallback((item: FeedItem) => setFeed((prev) => ({ items: [...prev.items, item, ...prev.held], held: [] })), []);
  const release = useCallback(() => setFeed((prev) => (prev.held.length === 0 ? prev : { items: [...prev.items, ...prev.held], held: [] })), []);
  const remount = useCallback(() => setStaticKey((k) => k + 1), []);
  const reset = useCallback((next: FeedItem[]) => {
    setFeed({ items: next, held: [] });
    setStaticKey((k) => k + 1);
  }, []);
  const annotate = useCallback((undone: readonly { feedIndex: number; note: string }[], message: string) => {
    setFeed((prev) => ({ items: [...undone.reduce((items, { feedIndex, note }) => annotateRun(items, feedIndex, note), prev.items), feedMessage('info', message)], held: prev.held }));
    setStaticKey((k) => k + 1);
  }, []);
  return { items: feed.items, held: feed.held, staticKey, add, append, release, reset, annotate, remount };
}

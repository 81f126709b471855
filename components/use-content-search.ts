// The sessions panel's filter also looks through every prompt and answer on disk: a short pause after the
// last key, then one search at a time (a key typed meanwhile waits for it, and only the newest text is searched).
import { useEffect, useRef, useState } from 'react';
import type { ContentSearch } from './types.js';

/** Keys typed closer together than this are one search. */
const PAUSE_MS = 150;
/** A one-letter filter matches nearly everything: the rows' own fields are enough for it. */
const MIN_LENGTH = 2;

export interface ContentHits {
  /** session id → its first matching line, with where it is */
  hits: ReadonlyMap<string, string>;
  /** a search for the newest filter is under way */
  searching: boolean;
}

const none: ReadonlyMap<string, string> = new Map();

export function useContentSearch(filter: string, search: ContentSearch | undefined): ContentHits {
  const [found, setFound] = useState<{ filter: string; hits: ReadonlyMap<string, string> }>({ filter: '', hits: none });
  const wanted = useRef(filter);
  const running = useRef(false);
  wanted.current = filter;

  useEffect(() => {
    if (!search || filter.trim().length < MIN_LENGTH) return;
    const start = async () => {
      if (running.current) return;
      running.current = true;
      let text = wanted.current;
      try {
        // once a search ends, the newest filter is searched if it changed meanwhile
        for (;;) {
          const hits = await search(text).catch(() => none);
          if (wanted.current === text) {
            setFound({ filter: text, hits });
            break;
          }
          text = wanted.current;
          if (text.trim().length < MIN_LENGTH) break;
        }
      } finally {
        running.current = false;
      }
    };
    const timer = setTimeout(() => void start(), PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filter, search]);

  const current = found.filter === filter;
  return { hits: current ? found.hits : none, searching: Boolean(search) && filter.trim().length >= MIN_LENGTH && !current };
}

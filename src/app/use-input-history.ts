// Up/Down through the prompt history (newest first, from the Store), keeping the draft to come back to.
import { useCallback, useRef } from 'react';

export interface InputHistory {
  /** the older entry, or null at the oldest */
  older(current: string): string | null;
  /** the newer entry, the draft after the newest, or null when not walking */
  newer(): string | null;
  reset(): void;
  /** an entry of the history is in the input (Up was pressed since the last submit) */
  walking(): boolean;
}

export function useInputHistory(entries: () => readonly string[]): InputHistory {
  const index = useRef(-1);
  const draft = useRef('');
  const older = useCallback(
    (current: string) => {
      const list = entries();
      if (index.current + 1 >= list.length) return null;
      if (index.current === -1) draft.current = current;
      index.current += 1;
      return list[index.current];
    },
    [entries],
  );
  const newer = useCallback(() => {
    if (index.current === -1) return null;
    index.current -= 1;
    return index.current === -1 ? draft.current : (entries()[index.current] ?? draft.current);
  }, [entries]);
  const reset = useCallback(() => {
    index.current = -1;
  }, []);
  const walking = useCallback(() => index.current !== -1, []);
  return { older, newer, reset, walking };
}

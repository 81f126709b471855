// Ctrl-C twice to quit: the first press arms it (and says so) for a couple of seconds.
import { useCallback, useEffect, useRef, useState } from 'react';

const WINDOW_MS = 2000;

export function useExitConfirm(onExit: () => void): { armed: boolean; press(): void } {
  const [armed, setArmed] = useState(false);
  const timer = useRef<NodeJS.Timeout | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const press = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    if (armed) {
      setArmed(false);
      onExit();
      return;
    }
    setArmed(true);
    timer.current = setTimeout(() => setArmed(false), WINDOW_MS);
  }, [armed, onExit]);
  return { armed, press };
}

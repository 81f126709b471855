// Redraw the whole screen: clear it and remount the feed's <Static> (as Gemini CLI does), so a resize or a
// program that took the terminal ($EDITOR) leaves no stale copy of the input box or of a panel. A resize
// redraws once it settles; Ctrl-L redraws on demand.
import { useStdout } from 'ink';
import { useCallback, useEffect } from 'react';
import { CLEAR_TERMINAL } from './use-feed.js';

/** Resize events come in bursts while a window is dragged: redraw once they stop. */
const RESIZE_SETTLE_MS = 120;

export function useRedraw(remountFeed: () => void): () => void {
  const { stdout } = useStdout();
  const redraw = useCallback(() => {
    stdout.write(CLEAR_TERMINAL);
    remountFeed();
  }, [stdout, remountFeed]);
  useEffect(() => {
    let timer: NodeJS.Timeout | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(redraw, RESIZE_SETTLE_MS);
    };
    stdout.on('resize', onResize);
    return () => {
      clearTimeout(timer);
      stdout.off('resize', onResize);
    };
  }, [stdout, redraw]);
  return redraw;
}

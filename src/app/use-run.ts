// The run under way: start it, follow its live state (redrawn at most every FRAME_MS), cancel it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletedRun, LiveRun, RunContext, RunHandle, StartRun, StartRunOptions } from '../runs/types.js';

/** The live panels redraw at most this often, however fast the models stream. */
const FRAME_MS = 50;

export interface RunOutcome {
  run: CompletedRun;
  /** the last live state: prices the run could not know show as null cost here */
  final: LiveRun | null;
}

export interface RunLifecycle {
  live: LiveRun | null;
  running: boolean;
  start(context: RunContext, prompt: string, options?: StartRunOptions): Promise<RunOutcome>;
  /** Esc: the models stop, the run still ends through start()'s promise */
  cancel(): void;
  /** resolves when no run is under way */
  settled(): Promise<void>;
  /** forget the finished run's panels */
  clear(): void;
  /** a run's panels (or its pick) are on screen now, drawn or not */
  onScreen(): boolean;
}

export function useRun(startRun: StartRun): RunLifecycle {
  const [live, setLive] = useState<LiveRun | null>(null);
  const [running, setRunning] = useState(false);
  const handle = useRef<RunHandle | null>(null);
  const latest = useRef<LiveRun | null>(null);
  const timer = useRef<NodeJS.Timeout | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  const start = useCallback(
    async (context: RunContext, prompt: string, options?: StartRunOptions): Promise<RunOutcome> => {
      const onUpdate = (run: LiveRun) => {
        latest.current = run;
        timer.current ??= setTimeout(() => {
          timer.current = null;
          if (mounted.current) setLive(latest.current);
        }, FRAME_MS);
      };
      latest.current = { prompt, models: [] };
      setLive(latest.current);
      setRunning(true);
      try {
        const started = startRun(context, prompt, onUpdate, options);
        handle.current = started;
        const run = await started.result;
        return { run, final: latest.current };
      } finally {
        handle.current = null;
        if (timer.current) clearTimeout(timer.current);
        timer.current = null;
        if (mounted.current) {
          setLive(latest.current);
          setRunning(false);
        }
      }
    },
    [startRun],
  );

  const cancel = useCallback(() => handle.current?.cancel(), []);
  const settled = useCallback(async () => {
    await handle.current?.result.catch(() => undefined);
  }, []);
  const clear = useCallback(() => {
    latest.current = null;
    setLive(null);
  }, []);

  const onScreen = useCallback(() => latest.current !== null, []);

  return { live, running, start, cancel, settled, clear, onScreen };
}

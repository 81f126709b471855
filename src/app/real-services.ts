// The real modules behind AppServices: model runs, session opening, the session report. The run engine
// (agent loop, tools, file search) is loaded when the first prompt is sent, not before the first frame.
import { resolveModels } from '../runs/resolve-models.js';
import { detectSandbox } from '../runs/sandbox/detect-sandbox.js';
import type { RunHandle, StartRun } from '../runs/types.js';
import { openSession } from '../session/open-session.js';
import { renderSessionReport } from '../cli/session-report.js';
import type { AppServices, AppSession } from './services.js';

const engine = () => import('../runs/index.js');

/** A handle for a run whose engine is still loading: Esc before it starts still cancels it. */
function deferredRun(starting: Promise<RunHandle>): RunHandle {
  let cancelled = false;
  void starting.then((handle) => cancelled && handle.cancel(), () => undefined);
  return {
    cancel: () => {
      cancelled = true;
      void starting.then((handle) => handle.cancel(), () => undefined);
    },
    result: starting.then((handle) => handle.result),
  };
}

const startRun: StartRun = (context, prompt, onUpdate, options) => deferredRun(engine().then((runs) => runs.startRun(context, prompt, onUpdate, options)));

export function realServices(opened: AppSession): AppServices {
  return {
    startRun,
    applyChoice: (...args) => engine().then((runs) => runs.applyChoice(...args)),
    compactSession: (...args) => engine().then((runs) => runs.compactSession(...args)),
    resolveModels,
    renderSessionReport,
    detectSandbox: () => detectSandbox(),
    // another session of the same data directory, with the models it ran with
    openSession: (sessionId) => openSession({ dataDir: opened.layout.root, resume: sessionId, projectRoot: opened.store.projectRoot() }),
  };
}

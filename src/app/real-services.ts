// The real modules behind AppServices: model runs, session opening, the session report.
import { applyChoice, compactSession, resolveModels, startRun } from '../runs/index.js';
import { openSession } from '../session/open-session.js';
import { renderSessionReport } from '../cli/session-report.js';
import type { AppServices, AppSession } from './services.js';

export function realServices(opened: AppSession): AppServices {
  return {
    startRun,
    applyChoice,
    compactSession,
    resolveModels,
    renderSessionReport,
    // another session of the same data directory, with the models it ran with
    openSession: (sessionId) => openSession({ dataDir: opened.layout.root, resume: sessionId, projectRoot: opened.store.projectRoot() }),
  };
}

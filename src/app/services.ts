// What the app calls outside itself, gathered so run-app wires the real modules and a test can hand in fakes.
import type { SessionContent, SessionMetadata, Store } from '../../store/index.js';
import type { Choice, CompletedRun, StartRun } from '../runs/types.js';
import type { OpenedSession } from '../session/open-session.js';
import type { SandboxSupport } from '../runs/sandbox/detect-sandbox.js';
import type { ResolvedModels } from '../runs/resolve-models.js';

/**
 * An opened session, as the CLI hands it over; `endpoints` names each model's endpoint that is not its provider's
 * default; `recipeModels` is every model the recipe names, usable or not (`models` holds the usable ones).
 */
export type AppSession = OpenedSession & { endpoints?: Record<string, string>; recipeModels?: string[] };

export interface AppServices {
  startRun: StartRun;
  applyChoice(store: Store, run: CompletedRun, choice: Choice, projectRoot: string): Promise<{ note: string; applied: string[] }>;
  compactSession(store: Store, models: string[]): Promise<string>;
  resolveModels(ids: string[], env?: NodeJS.ProcessEnv): ResolvedModels;
  renderSessionReport(metadata: SessionMetadata, content: SessionContent, format: 'json' | 'md'): string;
  /** What can confine the models' bash here (probed once per process). */
  detectSandbox(): Promise<SandboxSupport>;
  /** Opens another session of the same data directory (the current store is closed first by the caller). */
  openSession(sessionId: string): Promise<AppSession>;
}

// A Store opened read-only (another process holds the session): it loads everything, and every method
// that would write rejects with an error naming the session, leaving memory and disk as they were.
import type { Store } from './store.js';

export class ReadOnlySessionError extends Error {
  constructor(
    readonly sessionId: string,
    readonly method: string,
  ) {
    super(`session ${sessionId} is open read-only: ${method} was refused and nothing was written`);
    this.name = 'ReadOnlySessionError';
  }
}

/** Every Store method that changes the session or writes a file (a test checks that no method is unclassified). */
export const WRITING_METHODS = [
  'appendHistories',
  'setHistories',
  'truncateHistories',
  'clearHistories',
  'recordPrompt',
  'saveInitialMeta',
  'persistRunState',
  'updateLastRunNote',
  'replaceRetriedResponses',
  'recordSelection',
  'pushRewindEntry',
  'pushFileSnapshots',
  'clearRewindStack',
  'rewindTo',
  'rewind',
  'clearCheckpoint',
  'persistSessionRecipe',
  'redo',
  'discardRedo',
  'setTitle',
] as const satisfies readonly (keyof Store)[];

/** Makes `store` refuse every write; recipeHash() still names the active recipe but puts nothing in recipes.json. */
export function refuseWrites(store: Store): Store {
  for (const method of WRITING_METHODS) {
    Object.defineProperty(store, method, { value: () => refusal(store.sessionId(), method), configurable: true });
  }
  const recipeHash = () => store.recipeHashFor(store.lastActiveTools());
  Object.defineProperty(store, 'recipeHash', { value: recipeHash, configurable: true });
  return store;
}

/** Rejected, and already marked handled: a caller that does not await it must not crash the process. */
function refusal(sessionId: string, method: string): Promise<never> {
  const refused = Promise.reject(new ReadOnlySessionError(sessionId, method));
  refused.catch(() => undefined);
  return refused;
}

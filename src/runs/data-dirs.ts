// The data directory a session lives in, which model tools may never read or change (store/protected-paths.ts).
import path from 'node:path';
import type { Store } from '../../store/index.js';

/** The directory holding the sessions and the one holding the prompt history (the same one as a rule). */
export function dataDirsOf(store: Store): string[] {
  return [...new Set([path.dirname(store.sessionsDir()), path.dirname(store.recipesDir())])];
}

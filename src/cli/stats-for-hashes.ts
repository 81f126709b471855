// Per-model stats over the runs recorded under ANY of several recipe hashes (one recipe name can have many).
// The store's filter takes one hash, and merging its per-hash results would mean turning averages back
// into sums; instead this filters each session's unrewound runs by the set and lets the store count once.
import { filterRewound, readSessions, summarizeRunsDetailed } from '../../store/index.js';
import type { ModelStats, SkippedSession } from '../../store/index.js';

export interface HashStats {
  models: Record<string, ModelStats>;
  skipped: SkippedSession[];
}

export async function statsForConfigHashes(sessionsDir: string, hashes: ReadonlySet<string>, sessionId = ''): Promise<HashStats> {
  const { sessions, skipped } = await readSessions(sessionsDir);
  const chosen = sessions.filter((session) => sessionId === '' || session.id === sessionId);
  // Rewinds are settled per session first (markers carry no config_hash), so the merged list has no markers.
  // Sessions go in reversed because the store walks a list newest first: it then adds in the same order as
  // statsAcrossSessions, and the float sums agree to the last bit.
  const runs = chosen
    .reverse()
    .flatMap((session) => filterRewound(session.runs).filter((run) => run.config_hash !== undefined && hashes.has(run.config_hash)));
  return {
    models: summarizeRunsDetailed(runs),
    skipped: sessionId === '' ? skipped : skipped.filter((s) => s.id === sessionId),
  };
}

// A run as the ratings see it: the picked model beats each other model of the run (k−1 outcomes).

export interface RatedRun {
  /** the run's models (duplicates count once) */
  models: readonly string[];
  /** the model the user picked */
  winner: string;
  /** identical runs at once; 1 when absent */
  count?: number;
}

/** One kind of run: its winner and its other models, sorted; `runs` of them. */
export interface BattleType {
  winner: string;
  losers: string[];
  runs: number;
}

/**
 * The key shared by runs with the same outcomes (the winner, then the others sorted), or null when the run
 * gives none: no pick, a pick outside its models, a single model. JSON, so no model id can forge a key.
 */
export function battleKey(models: readonly string[], winner: string): string | null {
  if (winner === '' || !models.includes(winner)) return null;
  const losers = [...new Set(models)].filter((model) => model !== winner).sort();
  return losers.length === 0 ? null : JSON.stringify([winner, ...losers]);
}

/** The battle type a key names; null when it is not one battleKey makes (a hand-edited cache). */
export function parseBattleKey(key: string, runs: number): BattleType | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length < 2 || !parsed.every((item) => typeof item === 'string')) return null;
  const [winner, ...losers] = parsed as string[];
  return { winner, losers, runs };
}

/** Identical runs merged, in key order: whatever order the runs came in, the fit sees the same list. */
export function battleTypes(runs: Iterable<RatedRun>): BattleType[] {
  const byKey = new Map<string, BattleType>();
  for (const run of runs) {
    const key = battleKey(run.models, run.winner);
    const count = run.count ?? 1;
    if (key === null || !(count > 0)) continue;
    const known = byKey.get(key);
    if (known) known.runs += count;
    else byKey.set(key, { ...parseBattleKey(key, count)! });
  }
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

// The leaderboard's order: rated models by score (highest first), then the ones with too few comparisons.
import type { ModelStats } from '../stats.js';

export interface LeaderboardRow {
  /** 1 for the highest score; null for a model without a rating */
  rank: number | null;
  model: string;
  stats: ModelStats;
}

export function leaderboardRows(models: Record<string, ModelStats>): LeaderboardRow[] {
  const entries = Object.entries(models);
  const rated = entries.filter(([, s]) => s.rating !== null).sort(([a, x], [b, y]) => y.rating!.score - x.rating!.score || (a < b ? -1 : 1));
  const unrated = entries.filter(([, s]) => s.rating === null).sort(([a, x], [b, y]) => y.comparisons - x.comparisons || (a < b ? -1 : 1));
  return [...rated.map(([model, stats], i) => ({ rank: i + 1, model, stats })), ...unrated.map(([model, stats]) => ({ rank: null, model, stats }))];
}

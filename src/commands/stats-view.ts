// The numbers behind /stats: per model, over this session and over every session, for each recipe seen.
// A recipe is its name: its filter counts the runs under every hash stored for that name, in both of
// Errata's schemes (`rcp_v1_` snapshots and newest Errata's `rcp_`), as `bakeoff stats --recipe` does.
import { readSessions, summarizeRunsDetailed } from '../../store/index.js';
import type { ModelStats, RunSummary, SessionMetadata, Store } from '../../store/index.js';
import type { StatsFilterView, StatsRow } from '../../components/types.js';
import { shortHash } from '../../components/short-hash.js';

/** More recipes than this are left out of the filter (the newest ones are kept). */
const MAX_FILTERS = 12;

function toRows(stats: Record<string, ModelStats>): StatsRow[] {
  return Object.entries(stats).map(([modelId, s]) => ({
    modelId,
    wins: s.wins,
    losses: s.losses,
    thumbsDown: s.thumbsDown,
    participations: s.participations,
    winRate: s.winRate,
    avgLatencyMs: s.avgLatencyMs,
    avgCostUsd: s.avgCostUsd,
  }));
}

/** Adds sessions' stats exactly as the store does: sums first (average × participations), one division. */
function combine(perSession: Record<string, ModelStats>[]): StatsRow[] {
  const sums = new Map<string, StatsRow>();
  for (const stats of perSession) {
    for (const [modelId, s] of Object.entries(stats)) {
      const row = sums.get(modelId) ?? { modelId, wins: 0, losses: 0, thumbsDown: 0, participations: 0, winRate: 0, avgLatencyMs: 0, avgCostUsd: 0 };
      row.wins += s.wins;
      row.losses += s.losses;
      row.thumbsDown += s.thumbsDown;
      row.participations += s.participations;
      row.avgLatencyMs += s.avgLatencyMs * s.participations;
      row.avgCostUsd += s.avgCostUsd * s.participations;
      sums.set(modelId, row);
    }
  }
  return [...sums.values()]
    .sort((a, b) => (a.modelId < b.modelId ? -1 : 1))
    .map((row) => {
      const n = row.participations;
      return { ...row, winRate: n ? (row.wins / n) * 100 : 0, avgLatencyMs: n ? row.avgLatencyMs / n : 0, avgCostUsd: n ? row.avgCostUsd / n : 0 };
    });
}

function recipeHashes(sessions: readonly SessionMetadata[]): string[] {
  const newestFirst: RunSummary[] = sessions.flatMap((s) => s.runs).reverse();
  return [...new Set(newestFirst.map((r) => r.config_hash ?? '').filter(Boolean))].slice(0, MAX_FILTERS);
}

export async function loadStatsFilters(store: Store): Promise<StatsFilterView[]> {
  const { sessions } = await readSessions(store.sessionsDir());
  const current = store.metadata(); // memory is newer than the file
  const every = [...sessions.filter((s) => s.id !== current.id), current];
  const lookup = store.recipeNameLookup();
  const filters: { hash: string; label: string; hashes?: string[] }[] = [{ hash: '', label: 'every recipe' }];
  const byName = new Map<string, { hash: string; label: string; hashes: string[] }>();
  for (const hash of recipeHashes(every)) {
    const name = lookup(hash);
    if (name === '') {
      filters.push({ hash, label: `unnamed (${shortHash(hash)})`, hashes: [hash] });
      continue;
    }
    const known = byName.get(name);
    if (known) {
      if (!known.hashes.includes(hash)) known.hashes.push(hash);
      continue;
    }
    const group = { hash, label: name, hashes: [...new Set([hash, ...(store.recipeStore()?.hashesForName(name) ?? [])])] };
    byName.set(name, group);
    filters.push(group);
  }
  return filters.map(({ hash, label, hashes }) => ({
    hash,
    label: hashes && hashes.length > 1 ? `${label} (${hashes.length} hashes)` : hashes ? `${label} (${shortHash(hash)})` : label,
    session: toRows(summarizeRunsDetailed(current.runs, { configHashes: hashes })),
    all: combine(every.map((s) => summarizeRunsDetailed(s.runs, { configHashes: hashes }))),
  }));
}

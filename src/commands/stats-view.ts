// The numbers behind /stats: the leaderboard per model, over this session and over every session, for each
// recipe seen; sums, picks and latencies are added per session exactly as `bakeoff stats` adds them.
// A recipe is its name: its filter counts the runs under every hash stored for that name, in both of
// Errata's schemes (`rcp_v1_` snapshots and newest Errata's `rcp_`), as `bakeoff stats --recipe` does.
import { emptyGroup, filteredGroup, inheritedRunsOf, leaderboardRows, readSessions, sessionGroups, statsOfGroup } from '../../store/index.js';
import type { RunSummary, SessionGroups, SessionMetadata, StatsFilter, StatsGroup, Store } from '../../store/index.js';
import type { StatsFilterView, StatsRow } from '../../components/types.js';
import { shortHash } from '../../components/short-hash.js';

/** More recipes than this are left out of the filter (the newest ones are kept). */
const MAX_FILTERS = 12;

function toRows(group: StatsGroup): StatsRow[] {
  return leaderboardRows(statsOfGroup(group)).map(({ rank, model, stats: s }) => ({
    rank,
    modelId: model,
    rating: s.rating,
    comparisons: s.comparisons,
    wins: s.wins,
    losses: s.losses,
    thumbsDown: s.thumbsDown,
    participations: s.participations,
    winRate: s.winRate,
    avgLatencyMs: s.avgLatencyMs,
    avgCostUsd: s.avgCostUsd,
    costPerWinUsd: s.costPerWinUsd,
    latencyP50Ms: s.latencyP50Ms,
  }));
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
  // each session's groups once, in id order (as the CLI adds them), then summed per filter
  // a fork's copied runs count in their source only (fork.json), as in `bakeoff stats`
  const copies = await inheritedRunsOf(store.sessionsDir(), every);
  const groups: SessionGroups[] = [...every].sort((a, b) => (a.id < b.id ? -1 : 1)).map((s) => sessionGroups(s.runs, undefined, copies.get(s.id)));
  const currentGroups = sessionGroups(current.runs, undefined, copies.get(current.id));
  return filters.map(({ hash, label, hashes }) => {
    const filter: StatsFilter = { configHashes: hashes };
    const all = emptyGroup();
    for (const sessionGroup of groups) filteredGroup(sessionGroup, filter, all);
    return {
      hash,
      label: hashes && hashes.length > 1 ? `${label} (${hashes.length} hashes)` : hashes ? `${label} (${shortHash(hash)})` : label,
      session: toRows(filteredGroup(currentGroups, filter)),
      all: toRows(all),
    };
  });
}

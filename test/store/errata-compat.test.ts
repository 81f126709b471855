// The fixture is a data directory as Errata writes it; expected.json holds what a correct reader finds.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RecipeStore,
  Store,
  dataLayout,
  listSessions,
  loadCheckpoint,
  recipeSnapshotHash,
  sessionPathsFor,
  summarizeDetailedAcrossSessions,
} from '../../store/index.js';
import type { RecipeSnapshot } from '../../store/index.js';
import { copyErrataFixture, fixtureRoot } from '../helpers/fixtures.js';
import { openExistingStore } from '../helpers/store-fixture.js';

interface Expected {
  session_order: string[];
  corrupt: string[];
  prompt_history_newest_first: string[];
  prompt_counts: Record<string, number>;
  histories_len: Record<string, Record<string, number>>;
  checkpoint: Record<string, { prompt: string; completed: string[]; rerun: string[] }>;
  recipe_hashes: string[];
  stats_all: Record<string, { wins: number; losses: number; thumbs_down: number; participations: number; win_rate: number; avg_latency_ms: number; avg_cost_usd: number }>;
}

const expected = JSON.parse(readFileSync(join(fixtureRoot, 'expected.json'), 'utf8')) as Expected;

async function openSession(data: string, id: string): Promise<Store> {
  return openExistingStore(data, id, { recipeStore: await RecipeStore.open(dataLayout(data).recipeStore) });
}

describe('reading a data directory Errata wrote', () => {
  it('lists sessions in the expected order and reports the corrupt one', async () => {
    const data = await copyErrataFixture();
    const skipped: string[] = [];
    const sessions = await listSessions(dataLayout(data).sessions, (s) => skipped.push(s.id));
    expect(sessions.map((s) => s.id)).toEqual(expected.session_order);
    expect(skipped).toEqual(expected.corrupt);
  });

  it('reproduces prompt history, prompt counts and history lengths through the Store', async () => {
    const data = await copyErrataFixture();
    for (const id of expected.session_order) {
      const store = await openSession(data, id);
      expect(store.promptHistory()).toEqual(expected.prompt_history_newest_first);
      expect(store.metadata().prompt_count).toBe(expected.prompt_counts[id]);
      const lengths = Object.fromEntries(Object.entries(store.histories()).map(([model, turns]) => [model, turns.length]));
      expect(lengths).toEqual(expected.histories_len[id]);
    }
  });

  it('finds the interrupted run: which models completed and which /resume re-runs', async () => {
    const data = await copyErrataFixture();
    for (const [id, want] of Object.entries(expected.checkpoint)) {
      const checkpoint = (await (await openSession(data, id)).loadCheckpoint())!;
      expect(checkpoint.prompt).toBe(want.prompt);
      const completed = checkpoint.responses.filter((r) => r.completed).map((r) => r.model_id);
      expect(completed).toEqual(want.completed);
      expect(checkpoint.adapter_ids.filter((m) => !completed.includes(m))).toEqual(want.rerun);
    }
    expect(await loadCheckpoint(sessionPathsFor(dataLayout(data).sessions, expected.session_order[1]).checkpointPath)).toBeNull();
  });

  it('gives every stored recipe snapshot the hash Errata gave it', async () => {
    const data = await copyErrataFixture();
    const store = await RecipeStore.open(dataLayout(data).recipeStore);
    for (const hash of expected.recipe_hashes) expect(recipeSnapshotHash(store.get(hash) as RecipeSnapshot)).toBe(hash);
  });

  it('computes the same stats across sessions, rewound runs left out', async () => {
    const data = await copyErrataFixture();
    const stats = await summarizeDetailedAcrossSessions(dataLayout(data).sessions);
    expect(Object.keys(stats).sort()).toEqual(Object.keys(expected.stats_all).sort());
    for (const [model, want] of Object.entries(expected.stats_all)) {
      const got = stats[model];
      expect({ wins: got.wins, losses: got.losses, thumbs_down: got.thumbsDown, participations: got.participations, win_rate: got.winRate, avg_latency_ms: got.avgLatencyMs }).toEqual({
        wins: want.wins,
        losses: want.losses,
        thumbs_down: want.thumbs_down,
        participations: want.participations,
        win_rate: want.win_rate,
        avg_latency_ms: want.avg_latency_ms,
      });
      expect(got.avgCostUsd).toBeCloseTo(want.avg_cost_usd, 12);
    }
  });

  it('continues an Errata session: a new run is appended and the old runs stay exactly as they were', async () => {
    const data = await copyErrataFixture();
    const id = expected.session_order[1];
    const paths = sessionPathsFor(dataLayout(data).sessions, id);
    const before = JSON.parse(readFileSync(paths.metadataPath, 'utf8'));
    const store = await openSession(data, id);
    await store.persistRunState('one more', [{ modelId: 'gpt-4.1', text: 'ok', latencyMs: 5, inputTokens: 1, outputTokens: 1, costUsd: 0 }], null, []);
    const after = JSON.parse(readFileSync(paths.metadataPath, 'utf8'));
    expect(after.runs.slice(0, before.runs.length)).toEqual(before.runs);
    expect(after.prompt_count).toBe(before.prompt_count + 1);
    expect(after.created_at).toBe(before.created_at);
  });
});

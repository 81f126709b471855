// The two data directories written by Errata's own code (newest, a828495; and 4b0b74b): every answer in
// their expected.json reproduced through the public API. Two differences are deliberate and documented
// (README, "Data layout"): the rewind rule, and a bad rating that Errata also records as `selected` is a
// thumbs-down in bakeoff's stats (Errata counts it as a win). `errataView` applies Errata's two rules to the
// runs, so the rest of every stat must match exactly.
import { describe, expect, it } from 'vitest';
import { RecipeStore, Store, dataLayout, listSessions, promptHash, readSessions, sessionPathsFor, summarizeRunsDetailed } from '../../store/index.js';
import type { ModelStats, RunSummary } from '../../store/index.js';
import { copyErrataFixture, fixtureExpected, type FixtureName } from '../helpers/fixtures.js';
import { hashesFor, parseRecipe } from '../../store/index.js';
import { activeToolNames } from '../../src/runs/tools/tool-choice.js';

type GoStats = Record<string, Record<string, number>>;
interface ExpectedRun {
  applied_files: string[] | null;
  config_hash: string;
  models: string[] | null;
  note: string;
  prompt_hash: string;
  prompt_preview: string;
  rating: string;
  selected: string;
  type: string;
}
interface ExpectedSession {
  checkpoint: null | { adapter_ids: string[]; prompt: string; timestamp: string; verbose: boolean; responses: Record<string, unknown>[] };
  content_runs: number;
  content_session_id: string;
  created_at: string;
  last_active_at: string;
  first_prompt: string;
  last_prompt: string;
  histories: Record<string, number>;
  models: string[];
  prompt_count: number;
  rewind_markers: number;
  runs: number;
  run_list: ExpectedRun[];
  stats_session: GoStats;
}
interface Expected {
  list_sessions: string[];
  prompt_hashes: Record<string, string>;
  prompt_history_newest_first: string[];
  recipes: Record<string, string>;
  recipe_hashes_for_name: Record<string, string[]>;
  session_recipe_md: Record<string, string>;
  session_ids_created: Record<string, string>;
  sessions: Record<string, ExpectedSession>;
  stats_all: GoStats;
  stats_by_recipe: Record<string, { filter: { ConfigHash: string }; stats: GoStats }>;
}

/** bakeoff's stats in the shape of Errata's SummarizeRunsDetailed. */
function asGo(stats: Record<string, ModelStats>): GoStats {
  return Object.fromEntries(
    Object.entries(stats).map(([model, s]) => [
      model,
      {
        Wins: s.wins,
        Losses: s.losses,
        ThumbsDown: s.thumbsDown,
        Participations: s.participations,
        WinRate: s.winRate,
        LossRate: s.lossRate,
        BadRate: s.badRate,
        AvgLatencyMS: s.avgLatencyMs,
        AvgCostUSD: s.avgCostUsd,
        AvgInputTokens: s.avgInputTokens,
        AvgOutputTokens: s.avgOutputTokens,
        AvgToolCalls: s.avgToolCalls,
        AvgProposedWrites: s.avgProposedWrites,
      },
    ]),
  );
}

function expectStats(got: GoStats, want: GoStats): void {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [model, fields] of Object.entries(want)) for (const [field, value] of Object.entries(fields)) expect(got[model][field], `${model} ${field}`).toBeCloseTo(value, 9);
}

/**
 * The runs as Errata's stats see them: a rewind marker cancels the NEWEST run with its prompt hash (bakeoff: the
 * nearest older one), and `rating: bad` with `selected` is a plain pick. Markers and cancelled runs are removed.
 */
function errataView(runs: readonly RunSummary[]): RunSummary[] {
  const cancelled = new Set<number>();
  runs.forEach((marker, at) => {
    if (marker.type !== 'rewind') return;
    const newest = runs.findLastIndex((run, i) => run.type !== 'rewind' && run.prompt_hash === marker.prompt_hash && !cancelled.has(i));
    if (newest >= 0) cancelled.add(newest);
    cancelled.add(at);
  });
  return runs.filter((_, i) => !cancelled.has(i)).map((run) => (run.rating === 'bad' && run.selected ? { ...run, rating: undefined } : run));
}

describe.each(['errata-head-data', 'errata-4b0b74b-data'] satisfies FixtureName[])('a data directory Errata wrote (%s)', (fixture) => {
  const expected = fixtureExpected<Expected>(fixture);

  async function open(data: string, id: string): Promise<Store> {
    const layout = dataLayout(data);
    const meta = (await readSessions(layout.sessions)).sessions.find((s) => s.id === id)!;
    return Store.open({
      promptHistPath: layout.promptHistory,
      sessionPaths: sessionPathsFor(layout.sessions, id),
      sessionId: id,
      meta,
      recipeStore: await RecipeStore.open(layout.recipeStore, { readOnly: true }),
      readOnly: true,
    });
  }

  it('lists the sessions in Errata\'s order and loads the prompt history as Errata does', async () => {
    const data = await copyErrataFixture(fixture);
    expect((await listSessions(dataLayout(data).sessions)).map((s) => s.id)).toEqual(expected.list_sessions);
    const store = await open(data, expected.list_sessions[0]);
    expect(store.promptHistory()).toEqual(expected.prompt_history_newest_first);
    for (const [prompt, hash] of Object.entries(expected.prompt_hashes)) expect(promptHash(prompt)).toBe(hash);
  });

  it("reads each session's header, runs, content, histories and checkpoint as Errata does", async () => {
    const data = await copyErrataFixture(fixture);
    for (const [id, want] of Object.entries(expected.sessions)) {
      const store = await open(data, id);
      const meta = store.metadata();
      expect({ ...meta, runs: undefined, config_hash: undefined }).toEqual({
        id,
        created_at: want.created_at,
        last_active_at: want.last_active_at,
        first_prompt: want.first_prompt,
        last_prompt: want.last_prompt,
        models: want.models,
        prompt_count: want.prompt_count,
        runs: undefined,
        config_hash: undefined,
      });
      expect(meta.runs).toHaveLength(want.runs);
      expect(meta.runs.filter((r) => r.type === 'rewind')).toHaveLength(want.rewind_markers);
      expect(
        meta.runs.map((r) => ({
          applied_files: r.applied_files ?? null,
          config_hash: r.config_hash ?? '',
          models: r.models,
          note: r.note ?? '',
          prompt_hash: r.prompt_hash,
          prompt_preview: r.prompt_preview,
          rating: r.rating ?? '',
          selected: r.selected ?? '',
          type: r.type ?? '',
        })),
      ).toEqual(want.run_list);
      expect(store.content().runs).toHaveLength(want.content_runs);
      expect(store.content().session_id).toBe(want.content_session_id);
      expect(Object.fromEntries(Object.entries(store.histories()).map(([m, turns]) => [m, turns.length]))).toEqual(want.histories);
      const checkpoint = await store.loadCheckpoint();
      if (want.checkpoint === null) {
        expect(checkpoint).toBeNull();
        continue;
      }
      expect(checkpoint).toMatchObject({ prompt: want.checkpoint.prompt, adapter_ids: want.checkpoint.adapter_ids, timestamp: want.checkpoint.timestamp, verbose: want.checkpoint.verbose });
      expect(
        checkpoint!.responses.map((r) => ({
          completed: r.completed,
          cost_usd: r.cost_usd,
          error: r.error ?? '',
          input_tokens: r.input_tokens,
          interrupted: r.interrupted,
          latency_ms: r.latency_ms,
          model_id: r.model_id,
          output_tokens: r.output_tokens,
          proposed_writes: r.proposed_writes?.length ?? 0,
          text: r.text ?? '',
        })),
      ).toEqual(want.checkpoint.responses);
    }
  });

  it('names every recipe hash as Errata does, through the store a session opens', async () => {
    const data = await copyErrataFixture(fixture);
    const store = await open(data, expected.list_sessions[0]);
    for (const [hash, name] of Object.entries(expected.recipes)) expect(store.recipeNameLookup()(hash)).toBe(name);
    for (const [name, hashes] of Object.entries(expected.recipe_hashes_for_name)) expect(store.recipeStore()!.hashesForName(name)).toEqual(hashes);
  });

  it("computes Errata's stats over all sessions, per session and per recipe once Errata's two rules are applied", async () => {
    const data = await copyErrataFixture(fixture);
    const { sessions } = await readSessions(dataLayout(data).sessions);
    const allRuns = sessions.flatMap((s) => s.runs);
    expectStats(asGo(summarizeRunsDetailed(errataView(allRuns))), expected.stats_all);
    for (const session of sessions) expectStats(asGo(summarizeRunsDetailed(errataView(session.runs))), expected.sessions[session.id].stats_session);
    const recipes = await RecipeStore.open(dataLayout(data).recipeStore, { readOnly: true });
    for (const [name, { filter, stats }] of Object.entries(expected.stats_by_recipe)) {
      expect(recipes.hashesForName(name)).toEqual([filter.ConfigHash]);
      expectStats(asGo(summarizeRunsDetailed(errataView(allRuns), { configHashes: recipes.hashesForName(name) })), stats);
    }
  });

  it("differs from Errata's stats only by the two documented rules", async () => {
    const data = await copyErrataFixture(fixture);
    const { sessions } = await readSessions(dataLayout(data).sessions);
    const [rewound, rated, interrupted] = ['s1', 's2', 's3'].map((key) => sessions.find((s) => s.id === expected.session_ids_created[key])!);
    // session 1 rewinds "write a.txt: two" and sends it again: bakeoff cancels the rewound run (beta's win), Errata the re-sent one (alpha's)
    const ours = summarizeRunsDetailed(rewound.runs);
    expect([ours['demo/alpha'].wins, ours['demo/beta'].wins]).toEqual([2, 1]);
    expect([expected.sessions[rewound.id].stats_session['demo/alpha'].Wins, expected.sessions[rewound.id].stats_session['demo/beta'].Wins]).toEqual([1, 2]);
    // session 2 rates beta bad: a thumbs-down here, a win in Errata
    const beta = summarizeRunsDetailed(rated.runs)['demo/beta'];
    expect([beta.wins, beta.thumbsDown]).toEqual([0, 1]);
    expect(expected.sessions[rated.id].stats_session['demo/beta']).toMatchObject({ Wins: 1, ThumbsDown: 0 });
    // the interrupted run's session has neither: identical
    expectStats(asGo(summarizeRunsDetailed(interrupted.runs)), expected.sessions[interrupted.id].stats_session);
  });
});

describe("Errata 4b0b74b's snapshot hash: the run's tools in Errata's order", () => {
  it('the same recipe.md gets the same rcp_v1_ hash from bakeoff as the runs Errata recorded', () => {
    const expected = fixtureExpected<Expected>('errata-4b0b74b-data');
    const id = expected.session_ids_created.s2;
    const recipe = parseRecipe(expected.session_recipe_md[id]);
    expect(recipe.name).toBe('Go Review');
    // its Tools section lists read_file, edit_file, write_file, bash: Errata runs (and snapshots) them in its own order
    expect(activeToolNames(recipe)).toEqual(['read_file', 'write_file', 'edit_file', 'bash']);
    expect(hashesFor(recipe, activeToolNames(recipe)).snapshot).toBe(expected.sessions[id].run_list[0].config_hash);
  });
});

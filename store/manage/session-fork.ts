// A fork: a new session whose runs, histories and recipe are the source's up to one run (default: all).
// The source is only read. The rewind stack does not travel: the project files it would restore are the
// project's, not the fork's. The fork is written in data/staging/ and moved into sessions/ whole.
import { lstat, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ConversationTurn, Histories, RunContent, RunSummary, SessionContent, SessionMetadata } from '../schemas.js';
import type { DataLayout } from '../session-paths.js';
import { newSessionId, sessionPathsFor } from '../session-paths.js';
import { loadContent, loadMetadata, saveContent, saveMetadata } from '../session-files.js';
import { DataFileError } from '../errors.js';
import { RewindStack } from '../rewind-stack.js';
import { preview } from '../text.js';
import { nowTimestamp } from '../timestamp.js';
import { rewindPairs } from './rewind-pairs.js';
import { assertNoDataLink } from '../data-links.js';
import { makeDirectories } from '../make-directories.js';
import { writeDurably } from '../durable-file.js';
import { readRegularFile } from '../regular-file.js';
import { RecipeStore } from '../recipe-store.js';
import { marshalRecipe, parseRecipe } from '../recipe/index.js';
import type { Recipe } from '../types.js';
import { recipeOfRun } from './fork-recipe.js';
import { writeForkNote } from './fork-note.js';

export interface ForkResult {
  id: string;
  /** the number of runs the fork holds (as `show` numbers them) */
  runs: number;
}

export class ForkError extends Error {
  /** `noSuchRun`: the run asked for is not one of the session's (a bad --at, not a bad session) */
  constructor(
    message: string,
    readonly noSuchRun = false,
  ) {
    super(message);
    this.name = 'ForkError';
  }
}

/** Forks session `sourceId` at run `atRun` (1-based, rewind markers not counted; default the newest). */
export async function forkSession(layout: DataLayout, sourceId: string, atRun?: number): Promise<ForkResult> {
  const source = sessionPathsFor(layout.sessions, sourceId);
  // a repository's session may link recipe.md (or its metadata) to a file elsewhere: the fork would copy it in
  for (const path of [source.metadataPath, source.contentPath, source.recipePath, RewindStack.rewindPath(source.dir)]) await assertPlainFile(sourceId, path);
  const meta = await loadMetadata(source.metadataPath, { keepEncodings: true });
  if (!meta || meta.id !== sourceId) throw new DataFileError(source.metadataPath, `not the metadata of session ${sourceId}`);
  const content = (await loadContent(source.contentPath)) ?? { runs: [], histories: {} };
  const realRuns = meta.runs.flatMap((run, index) => (run.type === 'rewind' ? [] : [index]));
  const count = atRun ?? realRuns.length;
  if (realRuns.length === 0) throw new ForkError(`session ${sourceId} has no runs to fork`);
  if (!Number.isInteger(count) || count < 1 || count > realRuns.length) {
    throw new ForkError(`session ${sourceId} has runs #1 to #${realRuns.length}; there is no run #${atRun}`, true);
  }
  const cut = realRuns[count - 1];
  const runs = keptRuns(meta.runs, cut);
  // the newest run's recipe is the source's working recipe.md (copied); an older run's is rebuilt from its hash
  const recipeOfCut = count === realRuns.length ? null : await recipeOfEarlierRun(layout, source.recipePath, meta.runs[cut], sourceId, count);
  const histories = count === realRuns.length ? content.histories : await cutHistories(source.dir, content, realRuns, count);

  const id = newSessionId();
  const now = nowTimestamp();
  const forked: SessionMetadata = {
    id,
    created_at: now,
    last_active_at: now,
    models: modelsOf(runs),
    first_prompt: meta.first_prompt,
    last_prompt: preview(content.runs[count - 1]?.prompt ?? meta.runs[cut].prompt_preview),
    prompt_count: count,
    config_hash: meta.runs[cut].config_hash ?? meta.config_hash,
    runs,
  };
  const forkedContent: SessionContent = { session_id: id, runs: content.runs.slice(0, count), histories };

  const staging = sessionPathsFor(layout.staging, id);
  try {
    // staging/ and sessions/ must be real directories: a link would put the fork outside the data directory
    await makeDirectories(dirname(staging.dir));
    await assertNoDataLink(staging.dir);
    await mkdir(staging.dir, { recursive: true, mode: 0o700 });
    await saveContent(staging.contentPath, forkedContent);
    if (recipeOfCut === null) {
      const recipe = await readRegularFile(source.recipePath, { followLinks: false });
      if ('refused' in recipe) throw new ForkError(`cannot fork session ${sourceId}: ${source.recipePath}: ${recipe.refused}`);
      if ('bytes' in recipe) await writeDurably(staging.recipePath, recipe.bytes);
    } else await writeDurably(staging.recipePath, marshalRecipe(recipeOfCut));
    // every run of the fork is a copy: stats count it in the source only
    await writeForkNote(staging.dir, { forkedFrom: sourceId, inheritedRuns: runs.length });
    await saveMetadata(staging.metadataPath, forked);
    await makeDirectories(layout.sessions);
    await assertNoDataLink(join(layout.sessions, id));
    await rename(staging.dir, join(layout.sessions, id));
  } catch (error) {
    await rm(staging.dir, { recursive: true, force: true });
    throw error;
  }
  return { id, runs: count };
}

/** A file of the source session is read only when it is a regular file (or missing), never through a link. */
async function assertPlainFile(sourceId: string, path: string): Promise<void> {
  const info = await lstat(path).catch(() => null);
  if (info === null || info.isFile()) return;
  const what = info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file';
  throw new ForkError(`cannot fork session ${sourceId}: ${path} is ${what}, and bakeoff never copies a session file through one`);
}

/** Run #`count`'s recipe with its models (fork-recipe.ts); a ForkError when it cannot be had, as a fork must not run another one. */
async function recipeOfEarlierRun(layout: DataLayout, recipePath: string, run: RunSummary, sourceId: string, count: number): Promise<Recipe> {
  const recipes = await RecipeStore.open(layout.recipeStore, { readOnly: true });
  // read as the copy is: a regular file, never through a link (checked above)
  const read = await readRegularFile(recipePath, { followLinks: false });
  let current: Recipe | null = null;
  try {
    current = 'bytes' in read ? parseRecipe(read.bytes.toString('utf8')) : null;
  } catch {
    // a recipe.md that does not parse is not run #count's: the stored one is tried
  }
  const found = recipeOfRun(run, current, run.config_hash ? recipes.get(run.config_hash) : null);
  if ('problem' in found) throw new ForkError(`cannot fork session ${sourceId} at run #${count}: the recipe it ran with is not known (${found.problem}); nothing was written`);
  return found.recipe;
}

/** The runs up to `cut`, and the later rewind markers that undid one of them (so stats leave it out there too). */
function keptRuns(runs: readonly RunSummary[], cut: number): RunSummary[] {
  const markerFor = rewindPairs(runs);
  const keptMarkers = new Set([...markerFor].filter(([run, marker]) => run <= cut && marker > cut).map(([, marker]) => marker));
  return runs.filter((_, index) => index <= cut || keptMarkers.has(index));
}

function modelsOf(runs: readonly RunSummary[]): string[] {
  return [...new Set(runs.flatMap((run) => run.models ?? []))];
}

/**
 * Each model's history as it was after run `count`. The rewind stack knows it exactly when the next run is on it
 * (its history lengths before that run); otherwise the turns of every later run are taken off the end.
 */
async function cutHistories(sessionDir: string, content: SessionContent, realRuns: number[], count: number): Promise<Histories> {
  // only the history lengths are read; an entry the checks refuse falls back to cutting by turns
  const stack = await RewindStack.open(sessionDir, { projectRoot: process.cwd(), dataDir: dirname(dirname(sessionDir)) }).catch(() => null);
  const next = stack?.records().find((record) => record.feed_index === realRuns[count]);
  const lengths: Record<string, number> = {};
  for (const [model, turns] of Object.entries(content.histories)) {
    let length = turns.length;
    for (const run of [...content.runs.slice(count)].reverse()) {
      if (endsWithTurnsOf(turns.slice(0, length), run, model)) length -= 2;
    }
    lengths[model] = next?.history_lengths[model] ?? length;
  }
  return cutTo(content.histories, lengths);
}

function endsWithTurnsOf(turns: readonly ConversationTurn[], run: RunContent, model: string): boolean {
  const answer = run.models.find((m) => m.model_id === model);
  const [user, assistant] = turns.slice(-2);
  return Boolean(answer && user && assistant && user.role === 'user' && user.content === run.prompt && assistant.role === 'assistant' && assistant.content === answer.text);
}

function cutTo(histories: Histories, lengths: Readonly<Record<string, number>>): Histories {
  const cut: Histories = {};
  for (const [model, turns] of Object.entries(histories)) {
    const keep = Math.min(turns.length, lengths[model] ?? turns.length);
    if (keep > 0) cut[model] = turns.slice(0, keep);
  }
  return cut;
}

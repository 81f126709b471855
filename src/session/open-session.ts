// Opens the session the app runs in: a new one, the latest (--continue) or a named one (--resume), with its
// models and base recipe. No session file is written here (Store.open only takes the lock in data/locks/):
// a new session reaches the disk at its first run (the app calls store.saveInitialMeta() then), so opening
// and quitting leaves no empty session behind.
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { RecipeStore, SessionLockedError, Store, assertNoDataLink, tellDataNotice, dataLayout, defaultRecipe, newSessionId, newSessionMetadata, sessionPathsFor } from '../../store/index.js';
import type { DataLayout, Recipe, SessionMetadata } from '../../store/index.js';
import { resolveDataDir } from './data-dir.js';
import { findSessionId, readSessionMetadata } from './find-session.js';
import { loadRecipeFile } from './recipe-file.js';
import { commandHint } from './command-hint.js';

export interface OpenSessionOptions {
  dataDir: string;
  /** the most recently active session */
  continue?: boolean;
  /** a whole id or unique prefix; `true` = like `continue`. An id wins over `continue`. */
  resume?: string | true;
  /** overrides every other source of models */
  models?: string[];
  /** a recipe Markdown file to use as the base recipe instead of the built-in default */
  recipePath?: string;
  /** where model writes are applied; default the --recipe's `project_root` (against the working directory), else process.cwd() */
  projectRoot?: string;
  /** open without taking the session's lock (another process holds it); the Store refuses every write */
  readOnly?: boolean;
}

export interface OpenedSession {
  store: Store;
  layout: DataLayout;
  /** model ids, in panel order */
  models: string[];
  resumed: boolean;
  /** the base recipe (--recipe or the default); a resumed session's own recipe.md is store.sessionRecipe() */
  recipe: Recipe;
  /** things the user should be told before the app starts, one line each */
  warnings: string[];
}

export async function openSession(options: OpenSessionOptions): Promise<OpenedSession> {
  const layout = dataLayout(await resolveDataDir(options.dataDir));
  const warnings: string[] = [];

  const base = options.recipePath === undefined ? { recipe: defaultRecipe(), warnings: [] } : await loadRecipeFile(options.recipePath);
  warnings.push(...base.warnings);

  const recipeStore = await RecipeStore.open(layout.recipeStore);
  for (const movedTo of recipeStore.quarantined) {
    warnings.push(`${layout.recipeStore} did not parse; its bytes were kept in ${movedTo} and a new one is started`);
  }

  const sessionId = await sessionToResume(layout.sessions, options, warnings);
  const meta: SessionMetadata =
    sessionId === null
      ? newSessionMetadata(newSessionId(), options.models ?? base.recipe.models ?? [])
      : await readSessionMetadata(layout.sessions, sessionId, { keepEncodings: true });

  // refused before any model runs: a linked sessions/, session or snapshots/ would take its writes out of the data directory
  const sessionPaths = sessionPathsFor(layout.sessions, meta.id);
  await assertNoDataLink(join(sessionPaths.dir, 'snapshots'));
  const store = await Store.open({
    promptHistPath: layout.promptHistory,
    sessionPaths,
    sessionId: meta.id,
    meta,
    recipeStore,
    recipe: base.recipe,
    projectRoot: options.projectRoot ?? (await recipeProjectRoot(base.recipe, options.recipePath)),
    readOnly: options.readOnly,
  }).catch((error: unknown) => {
    // The refusal names a command that reads the session meanwhile: with this data directory, so it can be pasted.
    if (error instanceof SessionLockedError) throw new SessionLockedError(error.sessionId, error.lockPath, error.owner, commandHint(layout.root, 'show', error.sessionId));
    throw error;
  });
  // Session files that did not parse were set aside by Store.open; the session still opens without them.
  warnings.push(...store.quarantined.filter((file) => !file.told).map((file) => file.message));
  // the command line hears each one as it is found (its data-notice listener); what nobody heard is the caller's to show (the app's feed)
  const untold = warnings.filter((message) => !tellDataNotice({ message }));

  const models = chooseModels(options, store, base.recipe, sessionId !== null);
  // --models changes the session's working recipe, so its recipe.md (and so --continue) keeps those models.
  if (options.models && options.models.length > 0) store.setSessionRecipe({ ...(store.sessionRecipe() ?? base.recipe), models: [...models] });
  if (models.length === 0) {
    await store.close();
    const source = options.recipePath === undefined ? 'the default recipe' : `recipe ${options.recipePath}`;
    throw new Error(`no models to run: ${source} has no Models section; pass --models <ids>`);
  }
  return { store, layout, models, resumed: sessionId !== null, recipe: base.recipe, warnings: untold };
}

/** The id to resume, or null for a new session. */
async function sessionToResume(sessionsDir: string, options: OpenSessionOptions, warnings: string[]): Promise<string | null> {
  if (typeof options.resume === 'string') return findSessionId(sessionsDir, options.resume);
  if (options.resume === true || options.continue) {
    return findSessionId(sessionsDir, undefined, ({ id, reason }) => warnings.push(`skipped session ${id}: ${reason}`));
  }
  return null;
}

/** --models, else what the resumed session ran with (its recipe.md, then its metadata), else the base recipe's. */
function chooseModels(options: OpenSessionOptions, store: Store, base: Recipe, resumed: boolean): string[] {
  if (options.models && options.models.length > 0) return [...options.models];
  if (resumed) {
    const fromSessionRecipe = store.sessionRecipe()?.models;
    if (fromSessionRecipe && fromSessionRecipe.length > 0) return [...fromSessionRecipe];
    const fromMetadata = store.metadata().models;
    if (fromMetadata && fromMetadata.length > 0) return [...fromMetadata];
  }
  return [...(base.models ?? [])];
}

/** The recipe's Constraints `project_root`, which must be a directory; the working directory without one. */
async function recipeProjectRoot(recipe: Recipe, recipePath: string | undefined): Promise<string> {
  const wanted = recipe.constraints.projectRoot;
  if (!wanted) return process.cwd();
  const root = resolve(wanted);
  const info = await stat(root).catch(() => null);
  if (!info?.isDirectory()) throw new Error(`recipe ${recipePath ?? recipe.name}: project_root ${root} is not a directory`);
  return root;
}

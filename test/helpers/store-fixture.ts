// A Store on a fresh data directory, as the app opens one.
import { join } from 'node:path';
import { Store } from '../../store/store.js';
import { RecipeStore } from '../../store/recipe-store.js';
import { dataLayout, newSessionId, sessionPathsFor } from '../../store/session-paths.js';
import { loadMetadata, newSessionMetadata } from '../../store/session-files.js';
import type { ModelResponse, Recipe, StoreOptions } from '../../store/types.js';
import { tempDir } from './temp-dir.js';

export interface OpenedStore {
  store: Store;
  data: string;
  project: string;
}

/** `dataInProject`: the data directory is project/data, as with the default `./data` run from the project. */
export async function openFreshStore(options: { recipe?: Recipe | null; withRecipeStore?: boolean; sessionId?: string; dataInProject?: boolean } = {}): Promise<OpenedStore> {
  const root = await tempDir();
  const project = join(root, 'project');
  const data = options.dataInProject ? join(project, 'data') : join(root, 'data');
  const layout = dataLayout(data);
  const sessionId = options.sessionId ?? newSessionId();
  const store = await Store.open({
    promptHistPath: layout.promptHistory,
    sessionPaths: sessionPathsFor(layout.sessions, sessionId),
    sessionId,
    meta: newSessionMetadata(sessionId),
    recipeStore: options.withRecipeStore === false ? null : await RecipeStore.open(layout.recipeStore),
    recipe: options.recipe ?? null,
    projectRoot: project,
  });
  return { store, data, project };
}

export function response(modelId: string, extra: Partial<ModelResponse> = {}): ModelResponse {
  return { modelId, text: `${modelId} answer`, latencyMs: 100, inputTokens: 10, outputTokens: 20, costUsd: 0.01, ...extra };
}

/** A Store on a session already in `data`, its metadata read with its bytes kept, as --resume opens it. */
export async function openExistingStore(data: string, sessionId: string, extra: Partial<StoreOptions> = {}): Promise<Store> {
  const layout = dataLayout(data);
  const sessionPaths = sessionPathsFor(layout.sessions, sessionId);
  return Store.open({
    promptHistPath: layout.promptHistory,
    sessionPaths,
    sessionId,
    meta: (await loadMetadata(sessionPaths.metadataPath, { keepEncodings: true }))!,
    ...extra,
  });
}

/** Closes `store` and opens its session again from disk, as --resume does. */
export async function reopenStore(store: Store): Promise<Store> {
  await store.close();
  return openExistingStore(join(store.sessionsDir(), '..'), store.sessionId(), { projectRoot: store.projectRoot() });
}

// The models a session can actually run: one whose key (or base URL) is missing is reported by name, at
// start and at /load, and left out, so a run never waits on a model that cannot answer. Every model the
// recipe names stays in `recipeModels`, for /models.
import type { AppServices, AppSession } from './services.js';

const noneUsable = 'no model can run: set the keys named above, or pass --models demo/alpha,demo/beta';

export function withUsableModels(session: AppSession, services: Pick<AppServices, 'resolveModels'>): AppSession {
  const { session: usable, problems } = withModels(session, session.models, services);
  return { ...usable, warnings: [...session.warnings, ...problems] };
}

/** The session running `ids` from now on (a recipe was loaded), and what to tell the user about them. */
export function withModels(session: AppSession, ids: string[], services: Pick<AppServices, 'resolveModels'>): { session: AppSession; problems: string[] } {
  const { models, problems } = services.resolveModels(ids);
  const usable = models.map((model) => model.id);
  const endpoints = Object.fromEntries(models.flatMap((model) => (model.endpoint ? [[model.id, model.endpoint]] : [])));
  return { session: { ...session, models: usable, recipeModels: [...ids], endpoints }, problems: usable.length === 0 ? [...problems, noneUsable] : problems };
}

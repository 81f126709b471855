// The models a session can actually run: one whose key (or base URL) is missing is reported by name, at
// start, and left out, so a run never waits on a model that cannot answer.
import type { AppServices, AppSession } from './services.js';

export function withUsableModels(session: AppSession, services: Pick<AppServices, 'resolveModels'>): AppSession {
  const { models, problems } = services.resolveModels(session.models);
  const usable = models.map((model) => model.id);
  const none = usable.length === 0 ? ['no model can run: set the keys named above, or pass --models demo/alpha,demo/beta'] : [];
  const endpoints = Object.fromEntries(models.flatMap((model) => (model.endpoint ? [[model.id, model.endpoint]] : [])));
  return { ...session, models: usable, warnings: [...session.warnings, ...problems, ...none], endpoints };
}

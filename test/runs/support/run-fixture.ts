// A store on a fresh data directory with a real project directory, and a run driven to its end.
import { mkdir } from 'node:fs/promises';
import { defaultRecipe } from '../../../store/index.js';
import type { Checkpoint, Recipe } from '../../../store/index.js';
import { openFreshStore, type OpenedStore } from '../../helpers/store-fixture.js';
import { startRun } from '../../../src/runs/index.js';
import type { CompletedRun, LiveRun, RunHandle } from '../../../src/runs/index.js';

/** The built-in recipe with changes, as a session would have it. */
export function recipeWith(change: (recipe: Recipe) => void = () => undefined): Recipe {
  const recipe = defaultRecipe();
  change(recipe);
  return recipe;
}

export async function openRunStore(recipe: Recipe = recipeWith(), options: { dataInProject?: boolean } = {}): Promise<OpenedStore> {
  const opened = await openFreshStore({ recipe, ...options });
  await mkdir(opened.project, { recursive: true });
  return opened;
}

export interface DrivenRun {
  handle: RunHandle;
  updates: LiveRun[];
  result: Promise<CompletedRun>;
}

export function drive(opened: OpenedStore, models: string[], prompt: string, options: { resume?: Checkpoint; verbose?: boolean } = {}): DrivenRun {
  const updates: LiveRun[] = [];
  const handle = startRun({ store: opened.store, models, projectRoot: opened.project, verbose: options.verbose ?? false }, prompt, (run) => updates.push(run), {
    resume: options.resume,
  });
  return { handle, updates, result: handle.result };
}

export async function runPrompt(opened: OpenedStore, models: string[], prompt: string): Promise<CompletedRun> {
  return drive(opened, models, prompt).result;
}

/** Resolves once `predicate` holds for an update, polling the list the run fills. */
export async function waitForUpdate(run: DrivenRun, predicate: (update: LiveRun) => boolean, timeoutMs = 5000): Promise<LiveRun> {
  const started = Date.now();
  for (;;) {
    const found = run.updates.find(predicate);
    if (found) return found;
    if (Date.now() - started > timeoutMs) throw new Error(`no matching update within ${timeoutMs} ms; last: ${JSON.stringify(run.updates.at(-1))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

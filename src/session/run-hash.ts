// The one place that says which recipe hash a run will record, so the status bar, /recipes, /load,
// `bakeoff recipe` and the recorded run never disagree. A `rcp_v1_` snapshot hash covers the recipe and the
// names of the tools the run will have (tool-choice.ts: the recipe's Tools as bakeoff runs them, in Errata's
// order); a newest-Errata `rcp_` hash covers the recipe's markdown without its Models, and no tool names.
import { hashesFor, type Recipe, type RecipeStoreShape, type Store } from '../../store/index.js';
import { activeToolNames } from '../runs/tools/tool-choice.js';
import { activeRecipeOf } from '../runs/run-settings.js';

/** The tools the next run of the session will have. */
export function toolsThatWillRun(store: Store): string[] {
  return activeToolNames(activeRecipeOf(store));
}

/** The hash the next run will record, in the data directory's recipes.json shape ('' without a recipe store). */
export function hashOfWhatWillRun(store: Store): string {
  return store.recipeHashFor(toolsThatWillRun(store));
}

/** Both hashes a run of `recipe` records (one per recipes.json shape), and the tools the snapshot one lists. */
export function recipeHashes(recipe: Recipe): { hashes: Record<RecipeStoreShape, string>; tools: string[] } {
  const tools = activeToolNames(recipe);
  return { hashes: hashesFor(recipe, tools), tools };
}

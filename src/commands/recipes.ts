// /recipes: the base, session and active recipe, its hash, the saved files and the stored snapshots.
import { hashOfWhatWillRun } from '../session/run-hash.js';
import { savedRecipeFiles } from './recipe-files.js';
import type { SlashCommand } from './types.js';

const nameOf = (recipe: { name: string } | null): string => (recipe ? recipe.name || '(unnamed)' : '(none)');

export const recipesCommand: SlashCommand = {
  name: 'recipes',
  description: 'Show the active recipe, saved recipes and stored snapshots',
  action: async ({ store }) => {
    const snapshots = Object.keys(store.recipeStore()?.list() ?? {}).map((hash) => ({ hash, name: store.recipeStore()?.nameOf(hash) ?? '' }));
    return {
      type: 'dialog',
      dialog: {
        kind: 'recipes',
        view: {
          base: nameOf(store.baseRecipe()),
          session: nameOf(store.sessionRecipe()),
          active: store.activeRecipe() ? nameOf(store.activeRecipe()) : 'default',
          activeHash: hashOfWhatWillRun(store),
          saved: await savedRecipeFiles(store.recipesDir()),
          recipesDir: store.recipesDir(),
          snapshots,
        },
      },
    };
  },
};

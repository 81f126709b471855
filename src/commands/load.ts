// /load <path>: a recipe file becomes the session's recipe (written to its recipe.md).
import { readRecipeFile } from '../../store/index.js';
import { hashOfWhatWillRun } from '../session/run-hash.js';
import { shortHash } from '../../components/short-hash.js';
import { locateRecipeFile, savedRecipeFiles } from './recipe-files.js';
import { failure, info, type SlashCommand } from './types.js';

export const loadCommand: SlashCommand = {
  name: 'load',
  description: "Load a recipe file as the session's recipe",
  args: '<path>',
  idleOnly: true,
  completion: async ({ store }, partial) => (await savedRecipeFiles(store.recipesDir())).filter((name) => name.startsWith(partial)),
  action: async ({ store }, args) => {
    if (!args) return failure('Usage: /load <path> (a recipe .md file, or a name in data/recipes/)');
    const path = await locateRecipeFile(args, store.recipesDir());
    let recipe;
    try {
      recipe = await readRecipeFile(path);
    } catch (error) {
      return failure((error as Error).message);
    }
    if (!recipe) return failure(`No recipe file at ${path}`);
    store.setSessionRecipe(recipe);
    await store.persistSessionRecipe();
    const hash = hashOfWhatWillRun(store);
    const text = `Loaded recipe "${recipe.name || 'unnamed'}" from ${path} (${shortHash(hash)})`;
    // Without a Models section the session keeps the models it has; with one, the next run uses them.
    return recipe.models && recipe.models.length > 0 ? { type: 'models', models: [...recipe.models], text } : info(`${text}; it names no models, so the models stay`);
  },
};

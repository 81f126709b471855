// /save [path]: the active recipe as Markdown, by default data/recipes/<name>.recipe.md.
import { resolve, join } from 'node:path';
import { marshalRecipe } from '../../store/index.js';
import { writeUserFile } from '../../store/durable-file.js';
import { recipeFileName } from './recipe-files.js';
import { failure, info, type SlashCommand } from './types.js';

/** Private like the data files (a recipe may hold a system prompt the user keeps to themselves); an existing file keeps its mode. */
const RECIPE_FILE_MODE = 0o600;

export const saveCommand: SlashCommand = {
  name: 'save',
  description: 'Save the active recipe as Markdown (default: data/recipes/<name>.recipe.md)',
  args: '[path]',
  action: async ({ store }, args) => {
    const recipe = store.activeRecipe();
    if (!recipe) return failure('No active recipe to save.');
    const path = args ? resolve(args) : join(store.recipesDir(), recipeFileName(recipe.name));
    await writeUserFile(path, marshalRecipe(recipe), RECIPE_FILE_MODE);
    return info(`Saved recipe "${recipe.name || 'unnamed'}" to ${path}`);
  },
};

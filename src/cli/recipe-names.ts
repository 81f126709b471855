// Recipe names by snapshot hash, for display only: read without the RecipeStore, so a read-only command
// never moves a corrupt recipes.json aside; a file that cannot be read just gives no names.
import { storedRecipeName } from '../../store/index.js';
import type { StoredRecipe } from '../../store/index.js';
import { recipeStoreFileSchema } from '../../store/schemas.js';
import { readJsonFile } from '../../store/read-json.js';

export async function readRecipeNames(recipeStorePath: string): Promise<(hash: string) => string> {
  const snapshots: Record<string, StoredRecipe> = await readJsonFile(recipeStorePath, recipeStoreFileSchema)
    .then((read) => read?.value ?? {})
    .catch(() => ({}));
  return (hash) => (Object.hasOwn(snapshots, hash) ? storedRecipeName(snapshots[hash]) : '');
}

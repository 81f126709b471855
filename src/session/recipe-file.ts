// A recipe file named on the command line (--recipe, `bakeoff recipe`): parsed with its warnings; any failure names the file.
import { readFile } from 'node:fs/promises';
import { DataFileError } from '../../store/index.js';
import type { Recipe } from '../../store/index.js';
import { parseRecipeWithWarnings } from '../../store/recipe/index.js';

export interface LoadedRecipe {
  path: string;
  recipe: Recipe;
  /** one line each, `<path>: recipe line N: …` */
  warnings: string[];
}

/** Unlike the store's readRecipeFile, a missing file is an error here: the user named it. */
export async function loadRecipeFile(path: string): Promise<LoadedRecipe> {
  let markdown: string;
  try {
    markdown = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DataFileError(path, code === 'ENOENT' ? 'no such recipe file' : `cannot read: ${(error as Error).message}`);
  }
  try {
    const { recipe, warnings } = parseRecipeWithWarnings(markdown);
    return { path, recipe, warnings: warnings.map((warning) => `${path}: ${warning}`) };
  } catch (error) {
    throw new DataFileError(path, (error as Error).message);
  }
}

// A recipe Markdown file on disk (a session's recipe.md, --recipe, /load): missing is null, a bad one names the file.
import { readFile } from 'node:fs/promises';
import { DataFileError } from './errors.js';
import { parseRecipe } from './recipe/index.js';
import type { Recipe } from './types.js';

export async function readRecipeFile(path: string): Promise<Recipe | null> {
  let markdown: string;
  try {
    markdown = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new DataFileError(path, `cannot read: ${(error as Error).message}`);
  }
  try {
    return parseRecipe(markdown);
  } catch (error) {
    throw new DataFileError(path, (error as Error).message);
  }
}

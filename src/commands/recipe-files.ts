// The recipe Markdown files saved under data/recipes/, and how a /load argument names one.
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';

export async function savedRecipeFiles(recipesDir: string): Promise<string[]> {
  const names = await readdir(recipesDir).catch(() => [] as string[]);
  return names.filter((name) => name.endsWith('.md')).sort();
}

/** A path as typed (relative to the working directory), else a name in data/recipes/. */
export async function locateRecipeFile(argument: string, recipesDir: string): Promise<string> {
  const typed = resolve(argument);
  if (isAbsolute(argument) || (await stat(typed).catch(() => null))) return typed;
  const saved = join(recipesDir, argument);
  if (await stat(saved).catch(() => null)) return saved;
  if (!argument.endsWith('.md') && (await stat(`${saved}.recipe.md`).catch(() => null))) return `${saved}.recipe.md`;
  return typed;
}

/** A file name from a recipe name: lowercase words joined by dashes. */
export function recipeFileName(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'recipe'}.recipe.md`;
}

// The built-in recipe, used when neither the session nor the data directory has one. It lives in
// default.recipe.md (copied beside the compiled JS by the build) so that it reads like any other recipe.
import { readFileSync } from 'node:fs';
import type { Recipe } from '../types.js';
import { parseRecipe } from './parse.js';

let parsed: Recipe | undefined;

/** A fresh copy each call, so a caller that edits it cannot change the next caller's default. */
export function defaultRecipe(): Recipe {
  parsed ??= parseRecipe(readFileSync(new URL('./default.recipe.md', import.meta.url), 'utf8'));
  return structuredClone(parsed);
}

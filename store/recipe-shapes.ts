// The two shapes of recipes.json that Errata versions write: `snapshot` (4b0b74b, the seed: hash `rcp_v1_…` ->
// snapshot object) and `markdown` (newest Errata: hash `rcp_…` -> the recipe's MarshalMarkdown text).
import type { RecipeSnapshot, StoredRecipe } from './schemas.js';
import type { Recipe } from './types.js';
import { canonicalSnapshotJson, recipeSnapshotHash, snapshotFromRecipe } from './recipe/snapshot.js';
import { configHash, marshalErrataMarkdown, nameOfMarkdown } from './recipe/errata-markdown.js';
import { stringifyLikeGo } from './go-json.js';
import { emptyRecipe } from './recipe/parse.js';

export type RecipeStoreShape = 'snapshot' | 'markdown';

/** The environment variable that makes a new recipes.json markdown-shaped (newest Errata) instead of the seed's shape. */
export const FORMAT_VARIABLE = 'BAKEOFF_ERRATA_FORMAT';

/** The shape a new recipes.json gets: `markdown` when BAKEOFF_ERRATA_FORMAT=markdown, else the seed's `snapshot`. */
export function newFileShape(env: NodeJS.ProcessEnv = process.env): RecipeStoreShape {
  return env[FORMAT_VARIABLE]?.trim().toLowerCase() === 'markdown' ? 'markdown' : 'snapshot';
}

/** The shape the values of a file have: any markdown value makes it markdown; null when there are no values to tell. */
export function shapeOf(entries: Readonly<Record<string, StoredRecipe>>): RecipeStoreShape | null {
  const values = Object.values(entries);
  if (values.length === 0) return null;
  return values.some((value) => typeof value === 'string') ? 'markdown' : 'snapshot';
}

/** A stored recipe's name: the snapshot's `name`, or the markdown's title (`default` without one). */
export function storedRecipeName(value: StoredRecipe): string {
  return typeof value === 'string' ? nameOfMarkdown(value) : value.name;
}

/** What a run of `recipe` with `activeTools` stores in a file of `shape`, and under which hash. */
export function storedFormOf(recipe: Recipe | null, activeTools: readonly string[], shape: RecipeStoreShape): { hash: string; value: StoredRecipe } {
  if (shape === 'markdown') {
    const written = recipe ?? noRecipe;
    return { hash: configHash(written), value: marshalErrataMarkdown(written) };
  }
  const snapshot: RecipeSnapshot = snapshotFromRecipe(recipe, [...activeTools]);
  return { hash: recipeSnapshotHash(snapshot), value: snapshot };
}

/** Without a recipe the snapshot is `{name: "default"}`; its markdown counterpart is `# default\n`. */
const noRecipe: Recipe = { ...emptyRecipe(), version: 0, name: 'default' };

/** Map keys in Go's order: by UTF-8 bytes. */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/**
 * recipes.json as Errata writes it (`json.MarshalIndent(m, "", "  ")`): keys sorted, two-space indent, `<>&`
 * escaped; a snapshot in canonical key order, markdown as a JSON string.
 */
export function renderRecipeStore(entries: Readonly<Record<string, StoredRecipe>>): string {
  const ordered = Object.fromEntries(
    Object.keys(entries)
      .sort(byUtf8)
      .map((hash) => {
        const value = entries[hash];
        return [hash, typeof value === 'string' ? value : (JSON.parse(canonicalSnapshotJson(value)) as unknown)];
      }),
  );
  return stringifyLikeGo(ordered, 2);
}

/** Both hashes of `recipe` run with `activeTools`: what each shape of recipes.json records for it. */
export function hashesFor(recipe: Recipe | null, activeTools: readonly string[]): Record<RecipeStoreShape, string> {
  return { markdown: storedFormOf(recipe, activeTools, 'markdown').hash, snapshot: storedFormOf(recipe, activeTools, 'snapshot').hash };
}

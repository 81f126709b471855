// `bakeoff recipe <path>`: validates a recipe file, prints it as bakeoff understood it, and its hash.
import type { Command } from 'commander';
import { z } from 'zod';
import { marshalRecipe, recipeSnapshotHash, snapshotFromRecipe } from '../../store/index.js';
import type { Recipe, RecipeSnapshot } from '../../store/index.js';
import { loadRecipeFile } from '../session/recipe-file.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { printJson, printText, printWarning } from './print.js';

const optionsSchema = z.object({ json: z.boolean().default(false) });
type RecipeOptions = z.output<typeof optionsSchema>;

export function addRecipeCommand(program: Command): void {
  const command = program
    .command('recipe')
    .description('validate a recipe file; print it as parsed and its hash')
    .argument('<path>', 'recipe Markdown file')
    .option('--json', 'print JSON: {"path", "hash", "models", "warnings", "snapshot"}');
  addCommonOptions(command).action((path: string, _options: unknown, self: Command) => checkRecipe(path, parseOptions(optionsSchema, commandOptions(self))));
}

/**
 * The snapshot (so the hash) a run records when its active tools are exactly the recipe's Tools list; the
 * app's hash differs when it runs with other tools, since the tool names are part of the snapshot.
 */
function snapshotOf(recipe: Recipe): RecipeSnapshot {
  return snapshotFromRecipe(recipe, recipe.tools?.allowlist ?? []);
}

async function checkRecipe(path: string, options: RecipeOptions): Promise<void> {
  const { recipe, warnings } = await loadRecipeFile(path);
  const snapshot = snapshotOf(recipe);
  const hash = recipeSnapshotHash(snapshot);
  if (options.json) {
    printJson({ path, hash, models: recipe.models, warnings, snapshot });
    return;
  }
  for (const warning of warnings) printWarning(warning);
  const title = recipe.name === '' ? 'an unnamed recipe' : `recipe ${JSON.stringify(recipe.name)}`;
  printText(`${path}: ${title} is valid${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}\n\n`);
  printText(marshalRecipe(recipe).trimEnd() + '\n');
  printText(`hash: ${hash}`);
}

// `bakeoff recipe <path>`: validates a recipe file, prints it as bakeoff understood it, the tools a run of it
// has and both hashes a run records: newest Errata's `rcp_` config hash and the seed's `rcp_v1_` snapshot hash.
import type { Command } from 'commander';
import * as z from 'zod';
import { marshalRecipe, snapshotFromRecipe } from '../../store/index.js';
import { recipeHashes } from '../session/run-hash.js';
import { loadRecipeFile } from '../session/recipe-file.js';
import { parseOptions } from './parse-options.js';
import { addCommonOptions, commandOptions } from './common-options.js';
import { printJson, printText, printWarning } from './print.js';

const optionsSchema = z.object({ json: z.boolean().default(false) });
type RecipeOptions = z.output<typeof optionsSchema>;

export function addRecipeCommand(program: Command): void {
  const command = program
    .command('recipe')
    .description('validate a recipe file; print it as parsed, its tools and both its hashes')
    .argument('<path>', 'recipe Markdown file')
    .option('--json', 'print JSON: {"path", "hash", "config_hash", "tools", "models", "warnings", "snapshot"}');
  addCommonOptions(command).action((path: string, _options: unknown, self: Command) => checkRecipe(path, parseOptions(optionsSchema, commandOptions(self))));
}

async function checkRecipe(path: string, options: RecipeOptions): Promise<void> {
  const { recipe, warnings } = await loadRecipeFile(path);
  // the hashes a run of this recipe records: the same function the app's status bar and runs use
  const { hashes, tools } = recipeHashes(recipe);
  const snapshot = snapshotFromRecipe(recipe, tools);
  if (options.json) {
    printJson({ path, hash: hashes.snapshot, config_hash: hashes.markdown, tools, models: recipe.models, warnings, snapshot });
    return;
  }
  for (const warning of warnings) printWarning(warning);
  const title = recipe.name === '' ? 'an unnamed recipe' : `recipe ${JSON.stringify(recipe.name)}`;
  printText(`${path}: ${title} is valid${warnings.length > 0 ? ` (${warnings.length} warning${warnings.length === 1 ? '' : 's'})` : ''}\n\n`);
  printText(marshalRecipe(recipe).trimEnd() + '\n\n');
  printText(`tools: ${tools.join(', ') || '(none)'}\n`);
  printText(`config hash (newest Errata, recipes.json as markdown): ${hashes.markdown}\n`);
  printText(`hash: ${hashes.snapshot}`);
}

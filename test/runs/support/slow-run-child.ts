// Run in a child process by kill-resume.test.ts: opens a session and runs a slow demo run, so the
// test can kill it with SIGKILL mid-run. Bundled by esbuild; it must not need default.recipe.md.
import { join } from 'node:path';
import { Store, RecipeStore, dataLayout, sessionPathsFor, newSessionMetadata, parseRecipe } from '../../../store/index.js';
import { startRun } from '../../../src/runs/index.js';

const [dataDir, sessionId, projectRoot] = process.argv.slice(2);
const layout = dataLayout(dataDir);
const recipe = parseRecipe('# kill test\nversion: 1\n\n## Models\n- demo/alpha\n- demo/beta\n- demo/gamma\n');
const store = await Store.open({
  promptHistPath: layout.promptHistory,
  sessionPaths: sessionPathsFor(layout.sessions, sessionId),
  sessionId,
  meta: newSessionMetadata(sessionId),
  recipeStore: await RecipeStore.open(layout.recipeStore),
  recipe,
  projectRoot,
});
const handle = startRun({ store, models: recipe.models ?? [], projectRoot, verbose: false }, 'a slow run', () => undefined);
await handle.result;
process.stdout.write(`finished ${join(dataDir)}\n`);

// `import { Store, … } from 'bakeoff'` must give every name of store-api.md from the BUILT package.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const functions = [
  'sessionPathsFor', 'dataLayout', 'newSessionId', 'listSessions', 'latestSessionId', 'resolveSessionId',
  'loadMetadata', 'saveMetadata', 'loadContent', 'saveContent', 'loadPromptHistory', 'appendPromptHistory',
  'loadCheckpoint', 'saveCheckpoint', 'clearCheckpoint', 'buildCheckpoint', 'appendHistory', 'filterRewound',
  'summarizeRuns', 'summarizeRunsDetailed', 'summarizeAcrossSessions', 'summarizeDetailedAcrossSessions',
  'snapshotFiles', 'applyWrites', 'restoreSnapshots', 'recipeSnapshotHash', 'snapshotFromRecipe', 'parseRecipe',
  'marshalRecipe', 'defaultRecipe',
];
const classes = ['Store', 'RecipeStore', 'IncrementalCheckpointSaver'];
const storeMethods = [
  'histories', 'appendHistories', 'setHistories', 'truncateHistories', 'clearHistories', 'promptHistory', 'recordPrompt',
  'metadata', 'content', 'saveInitialMeta', 'persistRunState', 'updateLastRunNote', 'recordSelection', 'pushRewindEntry',
  'pushFileSnapshots', 'canRewind', 'clearRewindStack', 'rewind', 'rewindStackLen', 'checkpointPath', 'loadCheckpoint',
  'clearCheckpoint', 'accumulateCost', 'totalCost', 'costPerModel', 'sessionId', 'metadataPath', 'contentPath',
  'sessionRecipePath', 'sessionsDir', 'recipesDir', 'baseRecipe', 'sessionRecipe', 'setSessionRecipe', 'activeRecipe',
  'lastActiveTools', 'setLastActiveTools', 'buildRecipeSnapshot', 'recipeHash', 'recipeStore', 'recipeNameLookup',
  'persistSessionRecipe', 'flush', 'close',
];

describe('the built package', () => {
  it('exports every name of store-api.md under the name "bakeoff"', () => {
    const script = `
      const m = await import('bakeoff');
      const kinds = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]));
      const methods = Object.getOwnPropertyNames(m.Store.prototype);
      const statics = Object.getOwnPropertyNames(m.Store).concat(Object.getOwnPropertyNames(m.RecipeStore));
      console.log(JSON.stringify({ kinds, methods, statics, recipe: m.defaultRecipe().models }));`;
    const out = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as {
      kinds: Record<string, string>;
      methods: string[];
      statics: string[];
      recipe: string[];
    };
    for (const name of [...functions, ...classes]) expect(out.kinds[name], name).toBe('function');
    for (const method of storeMethods) expect(out.methods, method).toContain(method);
    expect(out.statics).toContain('open');
    expect(out.recipe).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
  });
});

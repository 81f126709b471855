// The recipe half of the store: the Markdown format, the built-in default, snapshots and their hashes.
export { formatDuration, parseDuration } from './duration.js';
export { emptyRecipe, parseRecipe, parseRecipeWithWarnings, type ParsedRecipe } from './parse.js';
export { marshalRecipe } from './marshal.js';
export { defaultRecipe } from './default.js';
export { canonicalSnapshotJson, recipeSnapshotHash, snapshotFromRecipe } from './snapshot.js';
export { configHash, configHashOfMarkdown, marshalErrataMarkdown, nameOfMarkdown } from './errata-markdown.js';

// Model runs, as the app uses them: start (or resume) a run, apply the user's choice, /compact,
// and the models the environment allows.
export { startRun } from './start-run.js';
export { applyChoice } from './apply-choice.js';
export type { ChoiceResult } from './apply-choice.js';
export { ApplyConflictError } from './apply-conflicts.js';
export { compactSession } from './compact.js';
export { resolveModels } from './resolve-models.js';
export { loadDotEnv, variableOrigin } from './dotenv.js';
export { demoModelIds } from './demo-models.js';
export type * from './types.js';

// The public API of bakeoff's datastore (store-api.md): `import { Store, … } from 'bakeoff'`.
export { Store } from './store.js';
export { RecipeStore, renderRecipeStore } from './recipe-store.js';
export { FORMAT_VARIABLE, hashesFor, newFileShape, storedRecipeName } from './recipe-shapes.js';
export type { RecipeStoreShape } from './recipe-shapes.js';
export { dataLayout, newSessionId, sessionPathsFor, isSafeSessionName, SessionIdError } from './session-paths.js';
export { resolveSessionId, sessionTitles } from './manage/session-resolve.js';
export { inheritedRuns, inheritedRunsOf, readForkNoteFile, trustedForkNote, FORK_NOTE_FILE } from './manage/fork-note.js';
export type { ForkNote } from './manage/fork-note.js';
export { onDataNotice, tellDataNotice } from './data-notices.js';
export type { DataNotice } from './data-notices.js';
export { readTitle, writeTitle, titleProblem, TitleError, MAX_TITLE_LENGTH } from './manage/session-title.js';
export type { DataLayout } from './session-paths.js';
export { listSessions, latestSessionId, readSessions, readSessionHeaders, forEachSession } from './session-list.js';
export { LISTED_TEXT_CHARS, boundedText } from './session-headers.js';
export type { SessionHeader } from './session-headers.js';
export type { SessionListing, SkippedSession } from './session-list.js';
export { loadMetadata, saveMetadata, loadContent, saveContent, newSessionMetadata } from './session-files.js';
export { loadPromptHistory, appendPromptHistory } from './prompt-history.js';
export { loadCheckpoint, readCheckpointFile, saveCheckpoint, clearCheckpoint, buildCheckpoint, responseSnapshot, IncrementalCheckpointSaver } from './checkpoint.js';
export { appendHistory, truncateHistory } from './history.js';
export {
  filterRewound,
  summarizeRuns,
  summarizeRunsDetailed,
  summarizeAcrossSessions,
  summarizeDetailedAcrossSessions,
  statsAcrossSessions,
  statsOfGroup,
  statsToJson,
} from './stats.js';
export type { ModelStats, ModelTally, StatsFilter, StatsAcrossSessions } from './stats.js';
export { sessionGroups, filteredGroup, mergeGroup, emptyGroup } from './stats-groups.js';
export type { SessionGroups, StatsGroup } from './stats-groups.js';
export { fitRatings, RATING_DEFAULTS } from './ratings/fit-ratings.js';
export type { ModelRating, Rating, RatingOptions } from './ratings/fit-ratings.js';
export type { RatedRun } from './ratings/battles.js';
export { leaderboardRows } from './ratings/leaderboard.js';
export type { LeaderboardRow } from './ratings/leaderboard.js';
export { snapshotFiles, applyWrites, restoreSnapshots, RestoreError } from './file-snapshots.js';
export { applyWritesAtomically, ApplyError } from './apply-atomic.js';
export type { AppliedWrites } from './apply-atomic.js';
export { resolveInsideRoot, isWithin, lexicalRelative, PathRefusedError } from './project-path.js';
export { protectedPathRule, canonicalPath } from './protected-paths.js';
export {
  recipeSnapshotHash,
  snapshotFromRecipe,
  configHash,
  configHashOfMarkdown,
  marshalErrataMarkdown,
  parseRecipe,
  marshalRecipe,
  defaultRecipe,
  parseDuration,
  formatDuration,
} from './recipe/index.js';
export { readRecipeFile } from './recipe-file.js';
export { promptHash, preview, previewBytes } from './text.js';
export { DataFileError, WriteError } from './errors.js';
export { assertNoDataLink, DataLinkError } from './data-links.js';
export { moveAside } from './quarantine.js';
export type { CorruptFile } from './quarantine.js';
export { UnparsableFileError } from './read-json.js';
export { SessionLockedError } from './session-lock.js';
export { ReadOnlySessionError } from './read-only-store.js';
export type * from './schemas.js';
export type * from './types.js';

// What Store.open reads from disk: the session's content, working recipe and rewind stack, the prompt
// history, and a check of its checkpoint. A file that does not parse is moved aside and reported, never overwritten;
// the rest of the session still opens (its metadata always does).
import { readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { SessionContent, SessionMetadata } from './schemas.js';
import type { Recipe, StoreOptions } from './types.js';
import { loadMetadata } from './session-files.js';
import { loadContentForStore } from './content-load-thread.js';
import { PromptHistory } from './prompt-history.js';
import { readCheckpointFile } from './checkpoint.js';
import { readBytes, UnparsableFileError } from './read-json.js';
import { DataFileError } from './errors.js';
import { parseRecipe } from './recipe/index.js';
import { setAsideIfUnparsable } from './quarantine.js';
import type { CorruptFile } from './quarantine.js';
import { alignRuns } from './run-alignment.js';
import { RewindStack } from './rewind-stack.js';
import { RedoStack } from './redo-stack.js';
import { readTitleFile } from './manage/session-title.js';

export interface LoadedSession {
  /** opts.meta, less a newest run whose content a crash kept off the disk (run-alignment.ts) */
  meta: SessionMetadata;
  content: SessionContent | null;
  prompts: PromptHistory;
  recipe: Recipe | null;
  rewindStack: RewindStack;
  redoStack: RedoStack;
  /** title.json's title; null without one (or when it did not parse: set aside like any data file) */
  title: string | null;
  corrupt: CorruptFile[];
}

/** write-file-atomic's temporary files (`<name>.<uint32>`), left behind when a writer was killed mid-write. */
const TEMP_FILE = /^(session_metadata\.json|session_content\.json|checkpoint\.json|recipe\.md|rewind\.json|redo\.json|title\.json)\.\d+$/;
const SNAPSHOT_TEMP_FILE = /^[0-9a-f]{64}\.\d+$/;

export async function loadSession(opts: StoreOptions): Promise<LoadedSession> {
  const paths = opts.sessionPaths;
  const readOnly = Boolean(opts.readOnly);
  // what rewind.json and redo.json may name: the data directory is the parent of sessions/<id>
  const trust = { projectRoot: opts.projectRoot ?? process.cwd(), dataDir: dirname(dirname(paths.dir)) };
  if (!readOnly) {
    await Promise.all([
      removeStaleTempFiles(paths.dir, TEMP_FILE),
      removeStaleTempFiles(join(paths.dir, 'snapshots'), SNAPSHOT_TEMP_FILE),
      refuseToReplaceMetadata(paths.metadataPath, opts.meta),
    ]);
  }
  const [content, prompts, recipe, checkpoint, rewind, redo, title] = await Promise.all([
    setAsideIfUnparsable(paths.contentPath, () => loadContentForStore(paths.contentPath), { readOnly }),
    PromptHistory.load(opts.promptHistPath),
    setAsideIfUnparsable(paths.recipePath, () => readSessionRecipe(paths.recipePath), { readOnly }),
    setAsideIfUnparsable(paths.checkpointPath, () => readCheckpointFile(paths.checkpointPath), { readOnly }),
    setAsideIfUnparsable(RewindStack.rewindPath(paths.dir), () => RewindStack.open(paths.dir, trust), { readOnly }),
    setAsideIfUnparsable(RedoStack.redoPath(paths.dir), () => RedoStack.open(paths.dir, trust), { readOnly }),
    setAsideIfUnparsable(join(paths.dir, 'title.json'), () => readTitleFile(paths.dir), { readOnly }),
  ]);
  const corrupt = [content.corrupt, recipe.corrupt, checkpoint.corrupt, rewind.corrupt, redo.corrupt, title.corrupt].filter((file): file is CorruptFile => file !== null);
  // Content moved aside is not "fewer runs": leave the metadata's runs alone then.
  const aligned = content.corrupt ? { meta: opts.meta, content: null } : alignRuns(opts.meta, content.value);
  // A rewind.json that did not parse (moved aside, or left in place when read-only) leaves nothing to undo.
  const rewindStack = rewind.value ?? RewindStack.empty(paths.dir);
  const refused = rewindStack.refused.map((message) => ({ path: RewindStack.rewindPath(paths.dir), reason: message, keptAs: null, message }));
  const redoStack = redo.value ?? RedoStack.empty(paths.dir);
  return { meta: aligned.meta, content: aligned.content, prompts, recipe: recipe.value, rewindStack, redoStack, title: title.value, corrupt: [...corrupt, ...refused] };
}

async function readSessionRecipe(path: string): Promise<Recipe | null> {
  const bytes = await readBytes(path);
  if (!bytes) return null;
  try {
    return parseRecipe(bytes.toString('utf8'));
  } catch (error) {
    throw new UnparsableFileError(path, (error as Error).message);
  }
}

/** Only the holder of the session's lock writes in its directory, so any temporary file there is a dead writer's. */
async function removeStaleTempFiles(dir: string, pattern: RegExp): Promise<void> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  await Promise.all(names.filter((name) => pattern.test(name)).map((name) => unlink(join(dir, name)).catch(() => undefined)));
}

/**
 * Opening with fresh metadata a session whose metadata file exists would overwrite it at the first save:
 * refuse when that file does not parse (it must be kept) or already holds runs.
 */
async function refuseToReplaceMetadata(path: string, meta: SessionMetadata): Promise<void> {
  if (meta.runs.length > 0 || meta.prompt_count > 0) return;
  const onDisk = await loadMetadata(path);
  if (onDisk && onDisk.runs.length > 0) {
    throw new DataFileError(path, `already holds ${onDisk.runs.length} runs of session ${onDisk.id}; open it with the metadata read from this file`);
  }
}

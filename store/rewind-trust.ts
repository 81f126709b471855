// A rewind.json is trusted one entry at a time, and only after checking: a repository that ships `data/`
// must not make a rewind write outside the project or read a secret into it. An entry is refused (reported,
// never applied) unless its blob names are sha256 hex, its project_root is the project (or the data
// directory is the user's own, outside the project), and each of its paths lies inside that root and is
// not a protected path (.git, .env, the data directory).
import path from 'node:path';
import * as z from 'zod';
import { isWithin } from './project-path.js';
import { canonicalPath, protectedPathRule } from './protected-paths.js';

const blobName = z.string().regex(/^[0-9a-f]{64}$/, 'is not a sha256 hex blob name');

export const fileChangeSchema = z.object({
  path: z.string(),
  /** hash of the content before the run's writes; null when the file did not exist */
  before: blobName.nullable(),
  /** hash of what bakeoff left there; null when it deleted the file — a different hash now means drift */
  after: blobName.nullable(),
});

export const rewindRecordSchema = z.object({
  feed_index: z.number().int().nonnegative(),
  /** where the run's writes were applied, so a rewind restores them from any working directory */
  project_root: z.string().optional(),
  prompt: z.string(),
  history_lengths: z.record(z.string(), z.number().int().nonnegative()),
  files: z.array(fileChangeSchema).nullable(),
});

export type RewindRecord = z.infer<typeof rewindRecordSchema>;

export interface TrustContext {
  /** the project the session works in now (the Store's projectRoot) */
  projectRoot: string;
  /** the data directory the session lives in */
  dataDir: string;
}

/** Why `raw` (one element of rewind.json's entries) cannot be used, or the record. */
export async function checkRewindRecord(raw: unknown, context: TrustContext): Promise<{ record: RewindRecord } | { refused: string }> {
  const parsed = rewindRecordSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { refused: `${issue.path.join('.') || 'entry'} ${issue.message}` };
  }
  const record = parsed.data;
  const [project, dataDir] = await Promise.all([canonicalPath(context.projectRoot), canonicalPath(context.dataDir)]);
  const rootGiven = record.project_root ?? context.projectRoot;
  if (!path.isAbsolute(rootGiven)) return { refused: `project_root ${JSON.stringify(rootGiven)} is not an absolute path` };
  const root = await canonicalPath(rootGiven);
  // a data directory inside the project may have come with it: then only the project itself is a root it may name
  if (isWithin(project, dataDir) && !isWithin(project, root)) {
    return { refused: `project_root ${rootGiven} is outside the project ${context.projectRoot}, and this data directory is inside the project` };
  }
  for (const change of record.files ?? []) {
    if (!path.isAbsolute(change.path) || path.resolve(change.path) !== change.path || change.path.includes('\0')) {
      return { refused: `path ${JSON.stringify(change.path)} is not a normalized absolute path` };
    }
    const canonical = await canonicalPath(change.path);
    if (!isWithin(root, canonical) || canonical === root) return { refused: `path ${change.path} is outside its project_root ${rootGiven}` };
    const rule = protectedPathRule(root, canonical, [dataDir]);
    if (rule) return { refused: `path ${change.path}: ${rule}` };
  }
  return { record };
}

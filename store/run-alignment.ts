// A run is recorded when both session files hold it: its summary in session_metadata.json and its
// content in session_content.json, the same count in the same order (rewind markers are summaries only).
// The two files are replaced one after the other, so a crash between the two renames leaves the newest
// run in one file only; persistRunState never reported it saved. Opening drops that half-run, so the
// next run lands at the same index in both files instead of leaving a gap in one of them.
import type { RunContent, RunSummary, SessionContent, SessionMetadata } from './schemas.js';

export interface AlignedRuns {
  meta: SessionMetadata;
  content: SessionContent | null;
}

/** The two files brought back to their common runs, when exactly one newest run is in one file only; otherwise as given. */
export function alignRuns(meta: SessionMetadata, content: SessionContent | null): AlignedRuns {
  const summaries = meta.runs.filter((run) => run.type !== 'rewind');
  const contents = content?.runs ?? [];
  if (content && contents.length === summaries.length + 1 && samePrompts(summaries, contents)) {
    return { meta, content: { ...content, runs: contents.slice(0, -1) } };
  }
  const newest = meta.runs[meta.runs.length - 1];
  if (summaries.length === contents.length + 1 && newest === summaries[summaries.length - 1] && samePrompts(contents, summaries)) {
    return { meta: { ...meta, runs: meta.runs.slice(0, -1), prompt_count: Math.max(0, meta.prompt_count - 1) }, content };
  }
  return { meta, content };
}

/** Whether `shorter` lists the same prompts as the start of `longer` (so the extra run is the only difference). */
function samePrompts(shorter: readonly (RunSummary | RunContent)[], longer: readonly (RunSummary | RunContent)[]): boolean {
  return shorter.every((run, index) => run.prompt_hash === longer[index].prompt_hash);
}

// A session's runs as `show` and the reports present them: rewind markers folded into the runs they undid,
// each run paired with its full content (prompt and responses) from session_content.json.
import type { RunContent, RunSummary, SessionContent, SessionMetadata } from '../../store/index.js';
import { rewindPairs } from '../../store/manage/rewind-pairs.js';
import { sumValues } from './format.js';

export interface RunView {
  /** 1-based, counting runs only (rewind markers are not runs) */
  number: number;
  /** the run's index in session_metadata.json's runs (markers included) */
  index: number;
  summary: RunSummary;
  /** null when session_content.json is missing or has no record of this run */
  content: RunContent | null;
  rewound: boolean;
  /** when the rewind marker that undid this run was written; null when no marker points at it */
  rewoundAt: string | null;
  totalCostUsd: number;
}

const REWIND = 'rewind';
const REWOUND_NOTE = '[rewound]';

export function runViews(metadata: SessionMetadata, content: SessionContent | null): RunView[] {
  const rewoundAt = markerTimestamps(metadata.runs);
  const contents = content?.runs ?? [];
  let nextContent = 0;
  const views: RunView[] = [];
  metadata.runs.forEach((summary, index) => {
    if (summary.type === REWIND) return;
    // Content runs are appended in the same order; search forward so one missing record does not shift the rest.
    const found = contents.findIndex((run, at) => at >= nextContent && run.prompt_hash === summary.prompt_hash);
    if (found >= 0) nextContent = found + 1;
    const markerAt = rewoundAt.get(index) ?? null;
    views.push({
      number: views.length + 1,
      index,
      summary,
      content: found >= 0 ? contents[found] : null,
      rewound: markerAt !== null || (summary.note ?? '').startsWith(REWOUND_NOTE),
      rewoundAt: markerAt,
      totalCostUsd: sumValues(summary.costs_usd),
    });
  });
  return views;
}

/** Run index → timestamp of the marker that undid it. */
function markerTimestamps(runs: readonly RunSummary[]): Map<number, string> {
  return new Map([...rewindPairs(runs)].map(([run, marker]) => [run, runs[marker].timestamp]));
}

/** The whole session's spend, rewound runs included: their tokens were paid for. */
export function sessionCost(views: readonly RunView[]): number {
  return views.reduce((sum, view) => sum + view.totalCostUsd, 0);
}

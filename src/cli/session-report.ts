// A session report (`bakeoff export`, the app's /export): every run with its prompt and each model's full
// response, as JSON (snake_case, like the data files) or Markdown. Rewind markers are folded into `rewound`.
import type { SessionContent, SessionMetadata, WriteEntry } from '../../store/index.js';
import { renderMarkdownReport } from './session-report-md.js';
import { visibleJson, visibleText } from '../text/visible-text.js';
import { runViews, sessionCost } from './run-views.js';
import type { RunView } from './run-views.js';

export type ReportFormat = 'json' | 'md';

export interface ResponseReport {
  model_id: string;
  /** null when session_content.json has no record of this response */
  text: string | null;
  latency_ms: number;
  cost_usd: number;
  input_tokens: number;
  output_tokens: number;
  tool_calls: Record<string, number>;
  proposed_writes: WriteEntry[];
  stop_reason: string | null;
}

export interface RunReport {
  /** 1-based, rewind markers not counted */
  number: number;
  timestamp: string;
  /** the full prompt, or its 120-character preview when the content file has no record of the run */
  prompt: string;
  prompt_hash: string;
  models: string[];
  selected: string | null;
  rating: string | null;
  note: string | null;
  rewound: boolean;
  config_hash: string | null;
  applied_files: string[];
  total_cost_usd: number;
  responses: ResponseReport[];
}

export interface SessionReport {
  id: string;
  created_at: string;
  last_active_at: string;
  models: string[];
  prompt_count: number;
  config_hash: string | null;
  /** every run's cost, rewound ones included: they were paid for */
  total_cost_usd: number;
  runs: RunReport[];
}

export function renderSessionReport(metadata: SessionMetadata, content: SessionContent | null, format: ReportFormat): string {
  const report = buildSessionReport(metadata, content);
  // a report is read in terminals and editors: nothing in it may act on one (visible-text.ts)
  return format === 'json' ? visibleJson(JSON.stringify(report, null, 2)) + '\n' : visibleText(renderMarkdownReport(report));
}

export function buildSessionReport(metadata: SessionMetadata, content: SessionContent | null): SessionReport {
  const views = runViews(metadata, content);
  return {
    id: metadata.id,
    created_at: metadata.created_at,
    last_active_at: metadata.last_active_at,
    models: metadata.models ?? [],
    prompt_count: metadata.prompt_count,
    config_hash: metadata.config_hash || null,
    total_cost_usd: sessionCost(views),
    runs: views.map(runReport),
  };
}

function runReport(view: RunView): RunReport {
  const { summary, content } = view;
  const models = summary.models ?? [];
  const texts = new Map((content?.models ?? []).map((model) => [model.model_id, model]));
  return {
    number: view.number,
    timestamp: summary.timestamp,
    prompt: content?.prompt ?? summary.prompt_preview,
    prompt_hash: summary.prompt_hash,
    models,
    selected: summary.selected || null,
    rating: summary.rating || null,
    note: summary.note || null,
    rewound: view.rewound,
    config_hash: summary.config_hash || null,
    applied_files: summary.applied_files ?? [],
    total_cost_usd: view.totalCostUsd,
    responses: models.map((model) => {
      const recorded = texts.get(model);
      return {
        model_id: model,
        text: recorded ? recorded.text : null,
        latency_ms: own(summary.latencies_ms, model) ?? 0,
        cost_usd: own(summary.costs_usd, model) ?? 0,
        input_tokens: own(summary.input_tokens, model) ?? 0,
        output_tokens: own(summary.output_tokens, model) ?? 0,
        tool_calls: own(summary.tool_calls, model) ?? {},
        proposed_writes: recorded?.proposed_writes ?? [],
        stop_reason: recorded?.stop_reason || null,
      };
    }),
  };
}

/** A map's own entry only, so a model called `constructor` never reads Object.prototype. */
function own<T>(map: Record<string, T> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

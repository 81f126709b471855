// The plain data the components render. The app builds these from the Store; components never read it.

export type ModelOutcome = 'ok' | 'failed' | 'cancelled';

/** One model's line under a finished run in the feed. */
export interface FeedModelLine {
  modelId: string;
  outcome: ModelOutcome;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  /** null = price unknown */
  costUsd: number | null;
  selected: boolean;
  error?: string;
}

export interface FeedRunItem {
  kind: 'run';
  key: string;
  prompt: string;
  models: FeedModelLine[];
  note: string;
  /** index of the run in metadata().runs; -1 when it was not recorded */
  feedIndex: number;
}

export interface FeedMessageItem {
  kind: 'message';
  key: string;
  level: 'info' | 'error' | 'warning';
  text: string;
}

export type FeedItem = FeedRunItem | FeedMessageItem;

/** A numbered response the user can keep. */
export interface SelectionOption {
  number: number;
  modelId: string;
  latencyMs: number;
  outputTokens: number;
  costUsd: number | null;
  writes: string[];
}

export interface CommandHint {
  name: string;
  args?: string;
  description: string;
}

export interface StatusInfo {
  sessionId: string;
  recipeName: string;
  recipeHash: string;
  models: string[];
  sessionCostUsd: number;
  /** some model's price is unknown: the total is a lower bound */
  costUnknown: boolean;
  rewindDepth: number;
  checkpoint: boolean;
  verbose: boolean;
}

export interface CostRow {
  modelId: string;
  processUsd: number | null;
  sessionUsd: number | null;
  inputTokens: number;
  outputTokens: number;
}

export interface RewindRow {
  prompt: string;
  picked: string;
  restores: string[];
  deletes: string[];
}

export interface RecipesView {
  base: string;
  session: string;
  active: string;
  activeHash: string;
  saved: string[];
  recipesDir: string;
  snapshots: { hash: string; name: string }[];
}

export interface CheckpointModelRow {
  modelId: string;
  state: 'completed' | 'interrupted' | 'failed' | 'not started';
  textPreview: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  writes: string[];
  error?: string;
}

export interface CheckpointView {
  prompt: string;
  timestamp: string;
  models: CheckpointModelRow[];
}

export interface StatsRow {
  modelId: string;
  wins: number;
  losses: number;
  thumbsDown: number;
  participations: number;
  winRate: number;
  avgLatencyMs: number;
  avgCostUsd: number;
}

export interface StatsFilterView {
  /** '' = every recipe */
  hash: string;
  label: string;
  session: StatsRow[];
  all: StatsRow[];
}

export interface SessionRow {
  id: string;
  lastActiveAt: string;
  promptCount: number;
  firstPrompt: string;
  current: boolean;
}

export interface HistoryTurn {
  role: 'user' | 'assistant';
  content: string;
}

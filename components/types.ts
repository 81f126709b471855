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
  /** the session's title (/rename); null when it has none */
  title: string | null;
  recipeName: string;
  recipeHash: string;
  models: string[];
  sessionCostUsd: number;
  /** some model's price is unknown: the total is a lower bound */
  costUnknown: boolean;
  rewindDepth: number;
  /** rewinds that /redo can take back */
  redoDepth: number;
  checkpoint: boolean;
  verbose: boolean;
  /** blind mode: the models are counted, not named */
  blind: boolean;
  /** what confines the models' bash (`sandbox: bwrap, network none`); '' when the recipe gives no bash */
  sandbox: string;
}

export interface CostRow {
  modelId: string;
  processUsd: number | null;
  sessionUsd: number | null;
  inputTokens: number;
  outputTokens: number;
}

/** One undoable run in the rewind picker, newest first. */
export interface RewindRow {
  /** index of the run in metadata().runs (what the Store's rewind calls take) */
  feedIndex: number;
  /** the run's number as `bakeoff show` prints it (rewind markers not counted) */
  run: number;
  prompt: string;
  /** when it ran, `YYYY-MM-DD HH:MM` */
  time: string;
  /** the model whose answer was kept, '' when none */
  picked: string;
  /** files its applied writes touched, relative to the project */
  files: string[];
}

export type RewindModeView = 'both' | 'conversation' | 'code';

export type RewindFileActionView = 'restore' | 'delete' | 'recreate' | 'unchanged';

export interface RewindPreviewFile {
  path: string;
  action: RewindFileActionView;
  /** the unified diff from now to after the rewind, one entry a line (hunks only, no ---/+++ header) */
  diff: string[];
  /** changed since bakeoff wrote it: the rewind would overwrite someone's edit */
  drifted: boolean;
  /** its content before the run is gone: it cannot be restored */
  lost: boolean;
}

/** What rewinding to the selected run would do, in the selected mode. */
export interface RewindPreview {
  mode: RewindModeView;
  /** the undone runs' numbers, newest first */
  runs: number[];
  files: RewindPreviewFile[];
  /** per model, the conversation turns removed */
  turnsRemoved: Record<string, number>;
}

/** The picker's question or what it is doing, under the preview. */
export type RewindConfirmation =
  | { kind: 'drift'; paths: string[] }
  | { kind: 'working'; text: string }
  | { kind: 'note'; level: 'info' | 'error'; text: string };

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

/** One model's leaderboard row, best score first; a model with too few comparisons has no rating. */
export interface StatsRow {
  /** 1 for the highest score; null without a rating */
  rank: number | null;
  modelId: string;
  rating: { score: number; low: number; high: number } | null;
  comparisons: number;
  wins: number;
  losses: number;
  thumbsDown: number;
  participations: number;
  winRate: number;
  avgLatencyMs: number;
  avgCostUsd: number;
  /** null: no win, or a run whose price was unknown */
  costPerWinUsd: number | null;
  latencyP50Ms: number | null;
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
  /** the session's title; absent when it has none */
  title?: string;
  lastActiveAt: string;
  promptCount: number;
  firstPrompt: string;
  current: boolean;
}

/**
 * The sessions panel's search of every prompt and answer (what `bakeoff sessions --search` finds): for each
 * session that holds the text, its first matching line with where it is (`#2 prompt: …`).
 */
export type ContentSearch = (text: string) => Promise<Map<string, string>>;

export interface HistoryTurn {
  role: 'user' | 'assistant';
  content: string;
}

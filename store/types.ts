// In-process shapes (camelCase), as store-api.md lists them. Persisted shapes live in schemas.ts.
import type { EventEntry, SessionMetadata, StopReason } from './schemas.js';
import type { RecipeStore } from './recipe-store.js';
import type { RewindPlan } from './rewind-plan.js';

export type { StopReason };

export interface FileWrite {
  path: string;
  content: string;
  delete?: boolean;
  /** in memory only: the file was not in the project when this was proposed */
  created?: boolean;
}

export interface ModelResponse {
  modelId: string;
  text: string;
  latencyMs: number;
  inputTokens: number;
  outputTokens: number;
  reasoningTokens?: number;
  /** NaN when the model's price is unknown: left out of costs_usd and of the spend, never counted as $0 */
  costUsd: number;
  proposedWrites?: FileWrite[];
  /** tool name -> calls */
  toolCalls?: Record<string, number>;
  steps?: number;
  /** '' or absent = success */
  error?: string;
  interrupted?: boolean;
  stopReason?: StopReason;
}

/** The content a file had before bakeoff wrote it; `path` is absolute. */
export interface FileSnapshot {
  path: string;
  /** the file's bytes exactly (snapshotFiles reads Buffers, so binary files keep every byte); a string stands for its UTF-8 bytes */
  content: Buffer | string;
  didNotExist: boolean;
}

export interface RewindEntry {
  /** null until the selected response's writes are applied */
  fileSnapshots?: FileSnapshot[] | null;
  /** per model, the history length BEFORE appendHistories */
  historyLengths: Record<string, number>;
  /** index of the run in metadata().runs */
  feedIndex: number;
  prompt: string;
}

export interface RewindResult {
  fileMsg: string;
  feedIndex: number;
  note: string;
}

export interface SelectionParams {
  prompt: string;
  selectedModelId: string;
  responses: ModelResponse[];
  /** null for text-only votes and ratings */
  appliedFiles?: string[] | null;
  /** '' = a selection */
  rating?: '' | 'good' | 'bad';
}

export interface SessionPaths {
  dir: string;
  metadataPath: string;
  contentPath: string;
  checkpointPath: string;
  recipePath: string;
}

export interface StoreOptions {
  /** data/prompt_history.jsonl */
  promptHistPath: string;
  sessionPaths: SessionPaths;
  sessionId: string;
  meta: SessionMetadata;
  recipeStore?: RecipeStore | null;
  /** base recipe loaded at startup */
  recipe?: Recipe | null;
  /** where writes are applied and restored; default process.cwd() */
  projectRoot?: string;
  /** load without taking the session's lock (another process holds it); every write is refused */
  readOnly?: boolean;
}

export type ContextStrategy = '' | 'auto_compact' | 'manual' | 'off';
export type TaskMode = '' | 'independent' | 'sequential';

export interface RecipeTools {
  allowlist: string[];
  bashPrefixes: string[] | null;
  guidance: Record<string, string> | null;
}

export interface OutputRule {
  maxLines: number;
  maxTokens: number;
  truncation: string;
  truncationMessage: string;
}

export interface Recipe {
  /** required in the file; only 1 exists */
  version: number;
  /** '' when the file has no "# " title */
  name: string;
  /** null = no Models section */
  models: string[] | null;
  systemPrompt: string;
  /** null = all tools */
  tools: RecipeTools | null;
  mcpServers: { name: string; command: string }[];
  constraints: { maxSteps: number; timeoutMs: number; bashTimeoutMs: number; projectRoot: string };
  context: {
    maxHistoryTurns: number;
    strategy: ContextStrategy;
    compactThreshold: number;
    taskMode: TaskMode;
    summarizationPrompt: string;
  };
  sandbox: { filesystem: string; network: string; allowLocalFetch: boolean };
  tasks: string[];
  successCriteria: string[];
  outputProcessing: Record<string, OutputRule>;
}

export interface EventCollector {
  record(modelId: string, e: EventEntry): void;
  events(modelId: string): EventEntry[];
}

/** One undoable run as the rewind picker shows it. */
export interface RewindItem {
  feedIndex: number;
  prompt: string;
  timestamp: string;
  /** the model whose answer was picked, '' when none */
  selected: string;
  historyLengths: Record<string, number>;
  /** files the run's applied writes touched (absolute); created = a rewind deletes it, deleted = a rewind brings it back */
  files: { path: string; created: boolean; deleted: boolean }[];
}

/** What rewindTo did. */
export interface RewindOutcome {
  plan: RewindPlan;
  /** ' (file restore warning: …)' or '' */
  fileMsg: string;
  /** each undone run with its new note, newest first */
  undone: { feedIndex: number; note: string }[];
  /** the prompt of the oldest undone run, to put back in the input */
  restoredPrompt: string;
}

// What a run takes from the active recipe (or the built-in default): the system prompt, the loop's
// bounds, the history window and the compaction rules, with a default for every field left empty.
import type { ContextStrategy, Recipe, Store } from '../../store/index.js';
import { defaultRecipe } from '../../store/index.js';

export interface RunSettings {
  system: string;
  maxSteps: number;
  timeoutMs: number;
  bashTimeoutMs: number;
  /** exchanges (a prompt and its answer) sent as history; 0 = all */
  maxHistoryTurns: number;
  strategy: ContextStrategy;
  /** share of the context window past which auto_compact summarizes a history */
  compactThreshold: number;
  summarizationPrompt: string;
}

export const defaultMaxSteps = 20;
export const defaultTimeoutMs = 5 * 60_000;
export const defaultBashTimeoutMs = 2 * 60_000;
export const defaultCompactThreshold = 0.8;
export const defaultSummarizationPrompt =
  'Summarize the conversation so far so that it can replace the full history. Keep the goals and constraints, the decisions made and why, ' +
  'the files read or changed (with paths), and any open questions or unfinished work. Write it as concise notes.';

/** The session's recipe, else the data directory's, else the built-in default. */
export function activeRecipeOf(store: Store): Recipe {
  return store.activeRecipe() ?? defaultRecipe();
}

export function runSettings(recipe: Recipe): RunSettings {
  const { constraints, context } = recipe;
  return {
    system: systemPromptOf(recipe),
    maxSteps: constraints.maxSteps || defaultMaxSteps,
    timeoutMs: constraints.timeoutMs || defaultTimeoutMs,
    bashTimeoutMs: constraints.bashTimeoutMs || defaultBashTimeoutMs,
    maxHistoryTurns: context.maxHistoryTurns,
    strategy: context.strategy,
    compactThreshold: context.compactThreshold || defaultCompactThreshold,
    summarizationPrompt: context.summarizationPrompt.trim() || defaultSummarizationPrompt,
  };
}

/** The System Prompt, then the recipe's Tasks and Success Criteria, which are instructions too. */
function systemPromptOf(recipe: Recipe): string {
  const parts = [recipe.systemPrompt.trim()];
  if (recipe.tasks.length > 0) parts.push(`Tasks:\n${recipe.tasks.map((task) => `- ${task}`).join('\n')}`);
  if (recipe.successCriteria.length > 0) parts.push(`Success criteria:\n${recipe.successCriteria.map((c) => `- ${c}`).join('\n')}`);
  return parts.filter((part) => part !== '').join('\n\n');
}

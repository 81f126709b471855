// The recipe a fork at run N gets: the one run N ran with, found by the hash it recorded (`config_hash`) in
// recipes.json, with run N's models. The source's recipe.md is today's, not run N's: it is used only when it
// hashes to run N's hash. A stored value is trusted only when it hashes back to the hash it is stored under.
import type { RecipeSnapshot, RunSummary, StoredRecipe } from '../schemas.js';
import type { Recipe } from '../types.js';
import { configHash, parseDuration, parseRecipe, recipeSnapshotHash, snapshotFromRecipe } from '../recipe/index.js';
import { emptyRecipe } from '../recipe/parse.js';

/** `rcp_v1_…` (the seed's snapshot hash) or newest Errata's `rcp_…`. */
const isSnapshotHash = (hash: string) => /^rcp_v\d+_/.test(hash);

/** Whether `recipe` run with `tools` records `hash`. */
function recordsHash(recipe: Recipe, hash: string, tools: readonly string[]): boolean {
  return isSnapshotHash(hash) ? recipeSnapshotHash(snapshotFromRecipe(recipe, [...tools])) === hash : configHash(recipe) === hash;
}

/**
 * Run `run`'s recipe with its models, or why it cannot be had (one line). `current` is the source's recipe.md
 * (null without one); `stored` what recipes.json holds under the run's hash (null when nothing).
 */
export function recipeOfRun(run: RunSummary, current: Recipe | null, stored: StoredRecipe | null): { recipe: Recipe } | { problem: string } {
  const hash = run.config_hash ?? '';
  if (hash === '') return { problem: 'it recorded no recipe hash' };
  const models = run.models === null ? null : [...run.models];
  // a snapshot hash covers the tools the run had, which only the stored snapshot lists
  const tools = stored !== null && typeof stored !== 'string' ? (stored.tools ?? []) : [];
  if (current && (!isSnapshotHash(hash) || stored !== null) && recordsHash(current, hash, tools)) return { recipe: { ...current, models } };
  if (stored === null) return { problem: `data/recipes.json does not hold its recipe ${hash}` };
  const rebuilt = rebuild(stored);
  if (rebuilt === null || !recordsHash(rebuilt, hash, tools)) return { problem: `the recipe data/recipes.json holds under ${hash} does not hash to it` };
  return { recipe: { ...rebuilt, models } };
}

function rebuild(stored: StoredRecipe): Recipe | null {
  try {
    return typeof stored === 'string' ? parseRecipe(stored) : recipeFromSnapshot(stored);
  } catch {
    return null;
  }
}

/** The recipe a snapshot was taken of: its Tools are the tools the run had (snapshotFromRecipe's inverse). */
export function recipeFromSnapshot(snap: RecipeSnapshot): Recipe {
  const recipe = emptyRecipe();
  const c = snap.constraints ?? {};
  const x = snap.context ?? {};
  const s = snap.sandbox ?? {};
  return {
    ...recipe,
    version: snap.version ?? 0,
    name: snap.name,
    systemPrompt: snap.system_prompt ?? '',
    tools: { allowlist: [...(snap.tools ?? [])], bashPrefixes: snap.bash_prefixes ? [...snap.bash_prefixes] : null, guidance: snap.tool_guidance ? { ...snap.tool_guidance } : null },
    mcpServers: (snap.mcp_servers ?? []).map(({ name, command }) => ({ name, command })),
    constraints: {
      maxSteps: c.max_steps ?? 0,
      timeoutMs: c.timeout ? parseDuration(c.timeout) : 0,
      bashTimeoutMs: c.bash_timeout ? parseDuration(c.bash_timeout) : 0,
      projectRoot: c.project_root ?? '',
    },
    context: {
      maxHistoryTurns: x.max_history_turns ?? 0,
      strategy: (x.strategy ?? '') as Recipe['context']['strategy'],
      compactThreshold: x.compact_threshold ?? 0,
      taskMode: (x.task_mode ?? '') as Recipe['context']['taskMode'],
      summarizationPrompt: snap.summarization_prompt ?? '',
    },
    sandbox: { filesystem: s.filesystem ?? '', network: s.network ?? '', allowLocalFetch: s.allow_local_fetch ?? false },
    tasks: [...(snap.tasks ?? [])],
    successCriteria: [...(snap.success_criteria ?? [])],
    outputProcessing: Object.fromEntries(
      Object.entries(snap.output_processing ?? {}).map(([tool, rule]) => [
        tool,
        { maxLines: rule.max_lines ?? 0, maxTokens: rule.max_tokens ?? 0, truncation: rule.truncation ?? '', truncationMessage: rule.truncation_message ?? '' },
      ]),
    ),
  };
}

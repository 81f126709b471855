// Which tools a recipe's run has, by name, in Errata's tool order: what the models are given and what a
// `rcp_v1_` snapshot lists, so the same recipe.md gets the same hash in both tools. Light on purpose (no tool
// code), so the status bar can compute the hash of what will run before the run engine is loaded.
import type { Recipe } from '../../../store/index.js';

/**
 * Errata's tools in its order (read_file, write_file, edit_file, list_directory, search_files, search_code,
 * bash, web_fetch, web_search), with bakeoff's delete_file after edit_file; bakeoff has no web_search.
 */
export const toolOrder = ['read_file', 'write_file', 'edit_file', 'delete_file', 'list_directory', 'search_files', 'search_code', 'bash', 'web_fetch'] as const;

export type ToolName = (typeof toolOrder)[number];

const writingTools: ReadonlySet<string> = new Set(['write_file', 'edit_file', 'delete_file', 'bash']);
const webTools: ReadonlySet<string> = new Set(['web_fetch', 'web_search']);
/** Not given without a Tools section: a shell and the network are asked for by name. */
const optInTools: ReadonlySet<string> = new Set(['bash', 'web_fetch']);

/**
 * The tool names a run of `recipe` has: absent Tools section = every tool but bash and web_fetch; listed =
 * those bakeoff has (unknown names, like Errata's web_search, are dropped). `network: none` drops the web
 * tools (as Errata does); `filesystem: read_only` keeps only the tools that change nothing.
 */
export function activeToolNames(recipe: Recipe): ToolName[] {
  const listed = recipe.tools === null ? null : new Set(recipe.tools.allowlist);
  return toolOrder.filter((name) => {
    if (listed === null ? optInTools.has(name) : !listed.has(name)) return false;
    if (recipe.sandbox.network === 'none' && webTools.has(name)) return false;
    if (recipe.sandbox.filesystem === 'read_only' && writingTools.has(name)) return false;
    return true;
  });
}

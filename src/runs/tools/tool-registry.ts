// The tools of a run, chosen by the recipe's Tools section: absent = every tool but bash, listed =
// those (bash only when listed), each description followed by the recipe's guidance or the default one.
import type { OutputRule, Recipe } from '../../../store/index.js';
import type { ToolSpec } from '../model-adapter.js';
import type { RunTool } from './tool-types.js';
import { listDirectoryTool, readFileTool } from './read-tools.js';
import { searchCodeTool, searchFilesTool } from './search-tools.js';
import { deleteFileTool, editFileTool, writeFileTool } from './write-tools.js';
import { bashTool } from './bash-tool.js';

export const builtInTools: readonly RunTool[] = [
  readFileTool,
  listDirectoryTool,
  searchFilesTool,
  searchCodeTool,
  writeFileTool,
  editFileTool,
  deleteFileTool,
  bashTool,
];

export interface Toolbox {
  tools: Map<string, RunTool>;
  /** what the models are told, in the recipe's order */
  specs: ToolSpec[];
  bashPrefixes: string[] | null;
  outputRules: Record<string, OutputRule>;
}

export function toolboxFor(recipe: Recipe): Toolbox {
  const chosen = recipe.tools === null ? builtInTools.filter((tool) => tool.name !== 'bash') : recipe.tools.allowlist.flatMap((name) => builtInTools.filter((tool) => tool.name === name));
  // a read-only sandbox keeps the model from changing anything, by proposal or by shell
  const allowed = recipe.sandbox.filesystem === 'read_only' ? chosen.filter((tool) => tool.kind === 'reading') : chosen;
  const unique = [...new Map(allowed.map((tool) => [tool.name, tool])).values()];
  const guidance = recipe.tools?.guidance ?? {};
  return {
    tools: new Map(unique.map((tool) => [tool.name, tool])),
    specs: unique.map((tool) => {
      const advice = Object.hasOwn(guidance, tool.name) ? guidance[tool.name] : tool.defaultGuidance;
      return { name: tool.name, description: advice ? `${tool.description}\n${advice}` : tool.description, inputSchema: tool.inputSchema };
    }),
    bashPrefixes: recipe.tools?.bashPrefixes ?? null,
    outputRules: recipe.outputProcessing,
  };
}

export function toolNames(toolbox: Toolbox): string[] {
  return toolbox.specs.map((spec) => spec.name);
}

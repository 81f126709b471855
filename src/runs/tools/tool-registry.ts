// The tools of a run, chosen by the recipe (tool-choice.ts: which, in Errata's order), each description
// followed by the recipe's guidance or the default one.
import type { OutputRule, Recipe } from '../../../store/index.js';
import type { ToolSpec } from '../model-adapter.js';
import type { RunTool } from './tool-types.js';
import { listDirectoryTool, readFileTool } from './read-tools.js';
import { searchCodeTool, searchFilesTool } from './search-tools.js';
import { deleteFileTool, editFileTool, writeFileTool } from './write-tools.js';
import { bashTool } from './bash-tool.js';
import { webFetchTool } from './web-fetch-tool.js';
import { activeToolNames } from './tool-choice.js';

export const builtInTools: readonly RunTool[] = [
  readFileTool,
  listDirectoryTool,
  searchFilesTool,
  searchCodeTool,
  writeFileTool,
  editFileTool,
  deleteFileTool,
  bashTool,
  webFetchTool,
];

export interface Toolbox {
  tools: Map<string, RunTool>;
  /** what the models are told, in the recipe's order */
  specs: ToolSpec[];
  bashPrefixes: string[] | null;
  outputRules: Record<string, OutputRule>;
  /** the recipe's Sandbox rules for web_fetch */
  web: { network: string; allowLocalFetch: boolean };
}

export function toolboxFor(recipe: Recipe): Toolbox {
  const unique = activeToolNames(recipe).flatMap((name) => builtInTools.filter((tool) => tool.name === name));
  const guidance = recipe.tools?.guidance ?? {};
  return {
    tools: new Map(unique.map((tool) => [tool.name, tool])),
    specs: unique.map((tool) => {
      const advice = Object.hasOwn(guidance, tool.name) ? guidance[tool.name] : tool.defaultGuidance;
      return { name: tool.name, description: advice ? `${tool.description}\n${advice}` : tool.description, inputSchema: tool.inputSchema };
    }),
    bashPrefixes: recipe.tools?.bashPrefixes ?? null,
    outputRules: recipe.outputProcessing,
    web: { network: recipe.sandbox.network, allowLocalFetch: recipe.sandbox.allowLocalFetch },
  };
}

export function toolNames(toolbox: Toolbox): string[] {
  return toolbox.specs.map((spec) => spec.name);
}

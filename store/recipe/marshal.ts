// Writes a Recipe as recipe Markdown that parseRecipe reads back to the same Recipe (unlike Errata's
// writer, task_mode and Output Processing are kept). Sections with nothing to say are left out, except
// Models and Tools, whose absence means something else (no models chosen, all tools) than empty.
import type { OutputRule, Recipe, RecipeTools } from '../types.js';
import { formatDuration } from './duration.js';
import { escapedHeadingLine } from './parse.js';

type Value = string | number | boolean;

export function marshalRecipe(recipe: Recipe): string {
  const head = recipe.name === '' ? [] : [`# ${recipe.name}`];
  // Only version 1 exists; an in-memory recipe without one still has to parse.
  head.push(`version: ${recipe.version || 1}`);
  const blocks = [head.join('\n')];
  const add = (title: string, lines: string[]) => blocks.push([`## ${title}`, ...lines].join('\n'));

  if (recipe.models !== null) add('Models', recipe.models.map(item));
  if (recipe.systemPrompt !== '') add('System Prompt', [escapeProse(recipe.systemPrompt)]);
  if (recipe.tools !== null) add('Tools', toolLines(recipe.tools));
  if (recipe.mcpServers.length > 0) add('MCP Servers', recipe.mcpServers.map((s) => item(`${s.name}: ${s.command}`)));

  const { constraints: c, context: x, sandbox: s } = recipe;
  const constraints = keyValues([
    ['max_steps', c.maxSteps],
    ['timeout', c.timeoutMs === 0 ? '' : formatDuration(c.timeoutMs)],
    ['bash_timeout', c.bashTimeoutMs === 0 ? '' : formatDuration(c.bashTimeoutMs)],
    ['project_root', c.projectRoot],
  ]);
  if (constraints.length > 0) add('Constraints', constraints);
  const context = keyValues([
    ['max_history_turns', x.maxHistoryTurns],
    ['strategy', x.strategy],
    ['compact_threshold', x.compactThreshold],
    ['task_mode', x.taskMode],
  ]);
  if (context.length > 0) add('Context', context);
  const sandbox = keyValues([
    ['filesystem', s.filesystem],
    ['network', s.network],
    ['allow_local_fetch', s.allowLocalFetch],
  ]);
  if (sandbox.length > 0) add('Sandbox', sandbox);

  if (recipe.tasks.length > 0) add('Tasks', recipe.tasks.map(item));
  if (recipe.successCriteria.length > 0) add('Success Criteria', recipe.successCriteria.map(item));
  if (x.summarizationPrompt !== '') add('Context Summarization Prompt', [escapeProse(x.summarizationPrompt)]);
  const rules = Object.entries(recipe.outputProcessing);
  if (rules.length > 0) add('Output Processing', rules.flatMap(([tool, rule]) => ['', ...outputRuleLines(tool, rule)]));

  return `${blocks.join('\n\n')}\n`;
}

const item = (text: string): string => `- ${text}`;

/** `key: value` lines for the values that are set (not '', 0 or false). */
function keyValues(pairs: [string, Value][]): string[] {
  return pairs.filter(([, value]) => value !== '' && value !== 0 && value !== false).map(([k, v]) => `${k}: ${v}`);
}

/** A prose line that starts like a section heading gets one more backslash; parseRecipe takes it off. */
function escapeProse(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.startsWith('## ') || escapedHeadingLine.test(line) ? `\\${line}` : line))
    .join('\n');
}

function toolLines(tools: RecipeTools): string[] {
  return tools.allowlist.map((name) => {
    const entry = name === 'bash' && tools.bashPrefixes !== null ? `bash(${tools.bashPrefixes.join(', ')})` : name;
    const guidance = tools.guidance !== null && Object.hasOwn(tools.guidance, name) ? tools.guidance[name] : undefined;
    // `name:` with nothing after it is an empty guidance, which suppresses the default one.
    if (guidance === undefined) return item(entry);
    return item(guidance === '' ? `${entry}:` : `${entry}: ${guidance}`);
  });
}

function outputRuleLines(tool: string, rule: OutputRule): string[] {
  return [
    `### ${tool}`,
    ...keyValues([
      ['max_lines', rule.maxLines],
      ['max_tokens', rule.maxTokens],
      ['truncation', rule.truncation],
      ['truncation_message', rule.truncationMessage],
    ]),
  ];
}

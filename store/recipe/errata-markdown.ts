// Errata's newest recipe text and hash (errata-cli pkg/recipe, `MarshalMarkdown` and `ConfigHash`): the
// value newest Errata stores in recipes.json and the `rcp_` hash its runs record. Unlike marshalRecipe (which
// must round-trip), this writes only what Errata's writer writes, in its order, so the bytes hash the same.
import { createHash } from 'node:crypto';
import type { Recipe } from '../types.js';
import { formatDuration } from './duration.js';
import { parseRecipe } from './parse.js';

/** Errata's `MarshalMarkdown()`: the title (`# Errata Recipe` when unnamed), `version: N` unless 0, then each non-empty section. */
export function marshalErrataMarkdown(recipe: Recipe): string {
  const out: string[] = [`# ${recipe.name === '' ? 'Errata Recipe' : recipe.name}\n`];
  if (recipe.version > 0) out.push(`version: ${recipe.version}\n`);
  const section = (title: string, lines: string[]) => out.push(`\n## ${title}\n`, ...lines.map((line) => `${line}\n`));

  if (recipe.models !== null && recipe.models.length > 0) section('Models', recipe.models.map((m) => `- ${m}`));
  if (recipe.systemPrompt !== '') section('System Prompt', [recipe.systemPrompt]);
  if (recipe.tools !== null) section('Tools', toolLines(recipe));
  if (recipe.mcpServers.length > 0) section('MCP Servers', recipe.mcpServers.map((s) => `- ${s.name}: ${s.command}`));

  const c = recipe.constraints;
  const constraints = [
    c.timeoutMs > 0 ? `timeout: ${formatDuration(c.timeoutMs)}` : '',
    c.bashTimeoutMs > 0 ? `bash_timeout: ${formatDuration(c.bashTimeoutMs)}` : '',
    c.maxSteps > 0 ? `max_steps: ${c.maxSteps}` : '',
    c.projectRoot !== '' ? `project_root: ${c.projectRoot}` : '',
  ].filter(Boolean);
  if (constraints.length > 0) section('Constraints', constraints);

  // Errata writes neither task_mode nor Output Processing nor Tool Descriptions: they are not in its hash.
  const x = recipe.context;
  const context = [
    x.maxHistoryTurns > 0 ? `max_history_turns: ${x.maxHistoryTurns}` : '',
    x.strategy !== '' ? `strategy: ${x.strategy}` : '',
    x.compactThreshold > 0 ? `compact_threshold: ${goFloat(x.compactThreshold)}` : '',
  ].filter(Boolean);
  if (context.length > 0) section('Context', context);

  const s = recipe.sandbox;
  const sandbox = [
    s.filesystem !== '' ? `filesystem: ${s.filesystem}` : '',
    s.network !== '' ? `network: ${s.network}` : '',
    s.allowLocalFetch ? 'allow_local_fetch: true' : '',
  ].filter(Boolean);
  if (sandbox.length > 0) section('Sandbox', sandbox);

  if (recipe.tasks.length > 0) section('Tasks', recipe.tasks.map((t) => `- ${t}`));
  if (recipe.successCriteria.length > 0) section('Success Criteria', recipe.successCriteria.map((t) => `- ${t}`));
  if (x.summarizationPrompt !== '') section('Context Summarization Prompt', [x.summarizationPrompt]);
  return out.join('');
}

/** Errata's newest config hash: `rcp_` + hex sha256 of the recipe's markdown with its Models left out (models are not config). */
export function configHash(recipe: Recipe): string {
  return `rcp_${sha256Hex(marshalErrataMarkdown({ ...recipe, models: null }))}`;
}

/** The config hash of stored recipe markdown: parsed and written again without Models; markdown that does not parse is hashed as it is. */
export function configHashOfMarkdown(markdown: string): string {
  let recipe: Recipe;
  try {
    recipe = parseRecipe(markdown);
  } catch {
    return `rcp_${sha256Hex(markdown)}`;
  }
  return configHash(recipe);
}

/** The name Errata's `HashesForName` gives stored markdown: its title, `default` when it has none or does not parse. */
export function nameOfMarkdown(markdown: string): string {
  try {
    return parseRecipe(markdown).name || 'default';
  } catch {
    return 'default';
  }
}

function toolLines(recipe: Recipe): string[] {
  const tools = recipe.tools!;
  const guidance = tools.guidance ?? {};
  return tools.allowlist.map((name) => {
    const text = Object.hasOwn(guidance, name) ? guidance[name] : '';
    const entry = name === 'bash' && tools.bashPrefixes !== null && tools.bashPrefixes.length > 0 ? `bash(${tools.bashPrefixes.join(', ')})` : name;
    return text !== '' ? `- ${entry}: ${text}` : `- ${entry}`;
  });
}

const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Go's strconv.FormatFloat(f, 'f', -1, 64): the shortest digits that round-trip, never an exponent. */
export function goFloat(n: number): string {
  const text = String(n);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, whole, fraction = '', exponent] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

// A recipe's content-addressed form (recipes.json) and its hash: `rcp_v{version}_` + sha256 of the
// canonical JSON, byte-for-byte what Errata hashes, so the same recipe gets the same hash in both tools.
import { createHash } from 'node:crypto';
import { escapeLikeGo } from '../go-json.js';
import type { RecipeSnapshot } from '../schemas.js';
import type { Recipe } from '../types.js';
import { formatDuration } from './duration.js';

/** The snapshot of `recipe` as run with `activeTools`; `{ name: 'default' }` without a recipe. */
export function snapshotFromRecipe(recipe: Recipe | null, activeTools: string[]): RecipeSnapshot {
  if (recipe === null) return { name: 'default' };
  const { constraints: c, context: x, sandbox: s } = recipe;
  const guidance = recipe.tools?.guidance ?? {};
  const full: RecipeSnapshot = {
    version: recipe.version,
    name: recipe.name === '' ? 'default' : recipe.name,
    system_prompt: recipe.systemPrompt,
    tool_guidance: sortedCopy(guidance, (text) => text),
    tools: [...activeTools],
    bash_prefixes: [...(recipe.tools?.bashPrefixes ?? [])],
    tool_descriptions: sortedCopy(guidance, (text) => text),
    tasks: [...recipe.tasks],
    success_criteria: [...recipe.successCriteria],
    mcp_servers: recipe.mcpServers.map(({ name, command }) => ({ name, command })),
    sandbox: withoutEmpty({ filesystem: s.filesystem, network: s.network, allow_local_fetch: s.allowLocalFetch }),
    constraints: withoutEmpty({
      max_steps: c.maxSteps,
      timeout: c.timeoutMs === 0 ? '' : formatDuration(c.timeoutMs),
      bash_timeout: c.bashTimeoutMs === 0 ? '' : formatDuration(c.bashTimeoutMs),
      project_root: c.projectRoot,
    }),
    context: withoutEmpty({
      max_history_turns: x.maxHistoryTurns,
      strategy: x.strategy,
      compact_threshold: x.compactThreshold,
      task_mode: x.taskMode,
    }),
    output_processing: sortedCopy(recipe.outputProcessing, (rule) =>
      withoutEmpty({
        max_lines: rule.maxLines,
        max_tokens: rule.maxTokens,
        truncation: rule.truncation,
        truncation_message: rule.truncationMessage,
      }),
    ),
    summarization_prompt: x.summarizationPrompt,
  };
  // Empty keys are left out, as Errata's omitempty does; the name never is.
  return { ...withoutEmpty(full), name: full.name };
}

/** `rcp_v{version}_` + lowercase hex sha256 of the canonical JSON. */
export function recipeSnapshotHash(snap: RecipeSnapshot): string {
  const digest = createHash('sha256').update(canonicalSnapshotJson(snap), 'utf8').digest('hex');
  return `rcp_v${snap.version ?? 0}_${digest}`;
}

/**
 * The bytes that are hashed: compact JSON, keys in data-format.md's RecipeSnapshot order, empty keys left
 * out, map keys sorted by UTF-8 bytes, numbers in shortest round-trip form, `<>&` U+2028 U+2029 escaped as Go does.
 */
export function canonicalSnapshotJson(snap: RecipeSnapshot): string {
  const { sandbox: s, constraints: c, context: x } = snap;
  const json = object([
    ['version', jsonNumber(snap.version)],
    ['name', JSON.stringify(snap.name)],
    ['system_prompt', jsonString(snap.system_prompt)],
    ['tool_guidance', map(snap.tool_guidance, (text) => JSON.stringify(text))],
    ['tools', jsonStrings(snap.tools)],
    ['bash_prefixes', jsonStrings(snap.bash_prefixes)],
    ['tool_descriptions', map(snap.tool_descriptions, (text) => JSON.stringify(text))],
    ['tasks', jsonStrings(snap.tasks)],
    ['success_criteria', jsonStrings(snap.success_criteria)],
    ['mcp_servers', list(snap.mcp_servers, ({ name, command }) => `{"name":${JSON.stringify(name)},"command":${JSON.stringify(command)}}`)],
    ['sandbox', s && object([
      ['filesystem', jsonString(s.filesystem)],
      ['network', jsonString(s.network)],
      ['allow_local_fetch', s.allow_local_fetch ? 'true' : undefined],
    ])],
    ['constraints', c && object([
      ['max_steps', jsonNumber(c.max_steps)],
      ['timeout', jsonString(c.timeout)],
      ['bash_timeout', jsonString(c.bash_timeout)],
      ['project_root', jsonString(c.project_root)],
    ])],
    ['context', x && object([
      ['max_history_turns', jsonNumber(x.max_history_turns)],
      ['strategy', jsonString(x.strategy)],
      ['compact_threshold', jsonNumber(x.compact_threshold)],
      ['task_mode', jsonString(x.task_mode)],
    ])],
    // A map entry is always written, even when its rule has no fields set ({}).
    ['output_processing', map(snap.output_processing, (rule) => object([
      ['max_lines', jsonNumber(rule.max_lines)],
      ['max_tokens', jsonNumber(rule.max_tokens)],
      ['truncation', jsonString(rule.truncation)],
      ['truncation_message', jsonString(rule.truncation_message)],
    ]) ?? '{}')],
    ['summarization_prompt', jsonString(snap.summarization_prompt)],
  ]);
  return escapeLikeGo(json ?? '{}');
}

type Encoded = string | undefined; // undefined = empty, left out

/** Map keys in Go's order: by UTF-8 bytes, which differs from UTF-16 order above U+FFFF. */
function byUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function object(fields: [string, Encoded][]): Encoded {
  const kept = fields.filter((field): field is [string, string] => field[1] !== undefined);
  return kept.length === 0 ? undefined : `{${kept.map(([key, json]) => `${JSON.stringify(key)}:${json}`).join(',')}}`;
}

function map<T>(entries: Record<string, T> | undefined, encode: (value: T) => string): Encoded {
  const keys = Object.keys(entries ?? {}).sort(byUtf8);
  if (entries === undefined || keys.length === 0) return undefined;
  return `{${keys.map((key) => `${JSON.stringify(key)}:${encode(entries[key])}`).join(',')}}`;
}

function list<T>(items: T[] | undefined, encode: (item: T) => string): Encoded {
  return items === undefined || items.length === 0 ? undefined : `[${items.map(encode).join(',')}]`;
}

const jsonStrings = (items: string[] | undefined): Encoded => list(items, (item) => JSON.stringify(item));
const jsonString = (text: string | undefined): Encoded => (text ? JSON.stringify(text) : undefined);
// JSON.stringify gives the shortest round-trip form, as Go's encoder does for the numbers a recipe holds.
const jsonNumber = (n: number | undefined): Encoded => (n ? JSON.stringify(n) : undefined);

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

/** A copy without the keys whose value is empty ('', 0, false, [], {}). */
function withoutEmpty<T extends object>(value: T): Partial<T> {
  const copy: Partial<T> = { ...value };
  for (const [key, field] of Object.entries(copy)) if (isEmpty(field)) Reflect.deleteProperty(copy, key);
  return copy;
}

/** A copy of a map, keys in Go's order (JS still lists integer-like keys first; the hash sorts again). */
function sortedCopy<T, U>(entries: Record<string, T>, convert: (value: T) => U): Record<string, U> {
  return Object.fromEntries(Object.keys(entries).sort(byUtf8).map((key) => [key, convert(entries[key])]));
}

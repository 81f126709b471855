// Reads recipe Markdown (data-format.md, "recipe.md and the recipe format") into a Recipe.
// Errors: a missing or bad version, and a number or duration that does not parse at all (a typo there
// would silently change how a run behaves). Warnings: an unknown section, key or enum value, and a number
// outside its range; the thing warned about is ignored.
import type { ContextStrategy, OutputRule, Recipe, RecipeTools, TaskMode } from '../types.js';
import { parseDuration } from './duration.js';

export interface ParsedRecipe {
  recipe: Recipe;
  /** one line each, "recipe line N: ..." */
  warnings: string[];
}

interface Line { no: number; text: string }
interface Section { title: string; no: number; lines: Line[] }
/** A `key: value` line: key lowercased, value trimmed, `where` names its section. */
interface Field { no: number; key: string; value: string; where: string }

type Warn = (no: number, message: string) => void;

const strategies: readonly ContextStrategy[] = ['auto_compact', 'manual', 'off'];
const taskModes: readonly TaskMode[] = ['independent', 'sequential'];
const filesystems = ['unrestricted', 'project_only', 'read_only'] as const;
const networks = ['full', 'none'] as const;
const truncations = ['head', 'tail', 'head_tail'] as const;
const booleans = ['true', 'false'] as const;

/** A prose line that would read as a section heading is written with one more leading backslash. */
export const escapedHeadingLine = /^\\+## /;

/** The recipe every field of which is absent: what a file with only `version: 1` parses to. */
export function emptyRecipe(): Recipe {
  return {
    version: 1,
    name: '',
    models: null,
    systemPrompt: '',
    tools: null,
    mcpServers: [],
    constraints: { maxSteps: 0, timeoutMs: 0, bashTimeoutMs: 0, projectRoot: '' },
    context: { maxHistoryTurns: 0, strategy: '', compactThreshold: 0, taskMode: '', summarizationPrompt: '' },
    sandbox: { filesystem: '', network: '', allowLocalFetch: false },
    tasks: [],
    successCriteria: [],
    outputProcessing: {},
  };
}

export function parseRecipe(markdown: string): Recipe {
  return parseRecipeWithWarnings(markdown).recipe;
}

export function parseRecipeWithWarnings(markdown: string): ParsedRecipe {
  const warnings: string[] = [];
  const warn: Warn = (no, message) => warnings.push(`recipe line ${no}: ${message}`);
  const { header, sections, lineCount } = splitDocument(markdown);
  const recipe = emptyRecipe();
  readHeader(header, sections[0]?.no ?? lineCount, recipe);
  const seen = new Set<string>();
  for (const section of sections) {
    const key = section.title.toLowerCase().replace(/\s+/g, ' ');
    const read = sectionReaders.get(key);
    if (read === undefined) {
      warn(section.no, `unknown section ${JSON.stringify(section.title)}; skipped`);
      continue;
    }
    if (seen.has(key)) warn(section.no, `section ${JSON.stringify(section.title)} appears again; later values win`);
    seen.add(key);
    read(section, recipe, warn);
  }
  return { recipe, warnings };
}

/** Header lines (before the first `## `) and sections; line numbers are 1-based. */
function splitDocument(markdown: string): { header: Line[]; sections: Section[]; lineCount: number } {
  const header: Line[] = [];
  const sections: Section[] = [];
  const rawLines = markdown.replace(/^\uFEFF/, '').split('\n');
  rawLines.forEach((raw, index) => {
    const line = { no: index + 1, text: raw.endsWith('\r') ? raw.slice(0, -1) : raw };
    if (line.text.startsWith('## ')) sections.push({ title: line.text.slice(3).trim(), no: line.no, lines: [] });
    else if (sections.length === 0) header.push(line);
    else sections[sections.length - 1].lines.push(line);
  });
  return { header, sections, lineCount: rawLines.length };
}

function readHeader(header: Line[], headerEnd: number, recipe: Recipe): void {
  let nameSeen = false;
  let versionSeen = false;
  for (const { no, text } of header) {
    if (!nameSeen && text.startsWith('# ')) {
      recipe.name = text.slice(2).trim();
      nameSeen = true;
      continue;
    }
    const trimmed = text.trim();
    const colon = trimmed.indexOf(':');
    if (colon < 0 || trimmed.slice(0, colon).trim().toLowerCase() !== 'version') continue;
    const value = trimmed.slice(colon + 1).trim();
    if (!/^\d+$/.test(value) || Number(value) !== 1) {
      throw new Error(`recipe line ${no}: bad version ${JSON.stringify(value)}: want 1`);
    }
    versionSeen = true;
  }
  if (!versionSeen) {
    throw new Error(`recipe line ${headerEnd}: missing version: want "version: 1" before the first "## " section`);
  }
}

type SectionReader = (section: Section, recipe: Recipe, warn: Warn) => void;

// A Map, so that a section titled "constructor" is unknown rather than found on Object.prototype.
const sectionReaders = new Map<string, SectionReader>([
  ['models', (s, r, warn) => (r.models = listItems(s, warn).map((item) => item.text))],
  ['system prompt', (s, r) => (r.systemPrompt = prose(s.lines))],
  ['tools', (s, r, warn) => (r.tools = readTools(s, warn))],
  ['mcp servers', readMcpServers],
  ['constraints', readConstraints],
  ['context', readContext],
  ['sandbox', readSandbox],
  ['tasks', (s, r, warn) => (r.tasks = listItems(s, warn).map((item) => item.text))],
  ['success criteria', (s, r, warn) => (r.successCriteria = listItems(s, warn).map((item) => item.text))],
  ['context summarization prompt', (s, r) => (r.context.summarizationPrompt = prose(s.lines))],
  ['output processing', readOutputProcessing],
]);

/** Free text kept as written, trimmed; `\## ` at a line start (the escape marshalRecipe writes) loses one backslash. */
function prose(lines: Line[]): string {
  return lines
    .map(({ text }) => (escapedHeadingLine.test(text) ? text.slice(1) : text))
    .join('\n')
    .trim();
}

/** The `- item` lines of a section; other non-blank lines are warned about. */
function listItems(section: Section, warn: Warn): Line[] {
  const items: Line[] = [];
  for (const { no, text } of section.lines) {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed === '-') continue;
    if (!trimmed.startsWith('- ')) {
      warn(no, `${section.title}: ignored ${JSON.stringify(trimmed)}, want "- item"`);
      continue;
    }
    const item = trimmed.slice(2).trim();
    if (item !== '') items.push({ no, text: item });
  }
  return items;
}

/** `key: value` or `- key: value`; undefined (and a warning when not blank) otherwise. */
function keyValue(line: Line, where: string, warn: Warn): Field | undefined {
  let text = line.text.trim();
  if (text === '') return undefined;
  if (text.startsWith('- ')) text = text.slice(2);
  const colon = text.indexOf(':');
  if (colon <= 0) {
    warn(line.no, `${where}: ignored ${JSON.stringify(text)}, want "key: value"`);
    return undefined;
  }
  return { no: line.no, key: text.slice(0, colon).trim().toLowerCase(), value: text.slice(colon + 1).trim(), where };
}

/** The non-empty fields of a key-value section; an empty value means "not set". */
function fields(section: Section, warn: Warn): Field[] {
  const out: Field[] = [];
  for (const line of section.lines) {
    const field = keyValue(line, section.title, warn);
    if (field !== undefined && field.value !== '') out.push(field);
  }
  return out;
}

const unknownKey = (field: Field, warn: Warn) =>
  warn(field.no, `unknown key ${JSON.stringify(field.key)} in ${field.where}; ignored`);

const badValue = (field: Field, want: string) =>
  new Error(`recipe line ${field.no}: bad ${field.key} ${JSON.stringify(field.value)}: want ${want}`);

function wholeNumber(field: Field, warn: Warn): number | undefined {
  const n = Number(field.value);
  if (!/^[+-]?\d+$/.test(field.value) || !Number.isSafeInteger(n)) throw badValue(field, 'a whole number');
  if (n < 0) {
    warn(field.no, `${field.key} ${field.value} is below 0; ignored`);
    return undefined;
  }
  return n === 0 ? 0 : n; // "-0" is 0
}

function duration(field: Field, warn: Warn): number | undefined {
  let ms: number;
  try {
    ms = parseDuration(field.value);
  } catch {
    throw badValue(field, 'a Go duration such as 5m0s or 1m30s, or whole seconds');
  }
  if (ms < 0) {
    warn(field.no, `${field.key} ${field.value} is negative; ignored`);
    return undefined;
  }
  return ms === 0 ? 0 : ms;
}

function oneOf<T extends string>(field: Field, allowed: readonly T[], warn: Warn): T | undefined {
  const found = allowed.find((value) => value === field.value.toLowerCase());
  if (found === undefined) {
    warn(field.no, `unknown ${field.key} ${JSON.stringify(field.value)} in ${field.where} (want ${allowed.join(' | ')}); ignored`);
  }
  return found;
}

/** Sets an own key even when it is "__proto__": tool names come from the file. */
function putEntry<T>(map: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
}

function readTools(section: Section, warn: Warn): RecipeTools {
  const tools: RecipeTools = { allowlist: [], bashPrefixes: null, guidance: null };
  for (const { no, text } of listItems(section, warn)) {
    let name = text;
    let guidance: string | undefined;
    const bash = /^bash\(([^)]*)\)\s*(:[\s\S]*)?$/.exec(text);
    if (bash !== null) {
      name = 'bash';
      tools.bashPrefixes = bash[1].split(',').map((p) => p.trim()).filter((p) => p !== '');
      guidance = bash[2]?.slice(1);
    } else if (text.includes(':')) {
      name = text.slice(0, text.indexOf(':')).trim();
      guidance = text.slice(text.indexOf(':') + 1);
    }
    if (name === '') {
      warn(no, `Tools: ${JSON.stringify(text)} names no tool; ignored`);
      continue;
    }
    tools.allowlist.push(name);
    // An empty guidance is kept as '': it suppresses the tool's default guidance.
    if (guidance !== undefined) putEntry((tools.guidance ??= {}), name, guidance.trim());
  }
  return tools;
}

function readMcpServers(section: Section, recipe: Recipe, warn: Warn): void {
  recipe.mcpServers = [];
  for (const { no, text } of listItems(section, warn)) {
    const colon = text.indexOf(':');
    const name = colon < 0 ? '' : text.slice(0, colon).trim();
    const command = text.slice(colon + 1).trim();
    if (name === '' || command === '') {
      warn(no, `MCP Servers: ${JSON.stringify(text)} is not "name: command"; ignored`);
      continue;
    }
    recipe.mcpServers.push({ name, command });
  }
}

function readConstraints(section: Section, recipe: Recipe, warn: Warn): void {
  const c = recipe.constraints;
  for (const field of fields(section, warn)) {
    if (field.key === 'max_steps') c.maxSteps = wholeNumber(field, warn) ?? c.maxSteps;
    else if (field.key === 'timeout') c.timeoutMs = duration(field, warn) ?? c.timeoutMs;
    else if (field.key === 'bash_timeout') c.bashTimeoutMs = duration(field, warn) ?? c.bashTimeoutMs;
    else if (field.key === 'project_root') c.projectRoot = field.value;
    else unknownKey(field, warn);
  }
}

function readContext(section: Section, recipe: Recipe, warn: Warn): void {
  const c = recipe.context;
  for (const field of fields(section, warn)) {
    if (field.key === 'max_history_turns') c.maxHistoryTurns = wholeNumber(field, warn) ?? c.maxHistoryTurns;
    else if (field.key === 'strategy') c.strategy = oneOf(field, strategies, warn) ?? c.strategy;
    else if (field.key === 'compact_threshold') c.compactThreshold = threshold(field, warn) ?? c.compactThreshold;
    else if (field.key === 'task_mode') c.taskMode = oneOf(field, taskModes, warn) ?? c.taskMode;
    else unknownKey(field, warn);
  }
}

function threshold(field: Field, warn: Warn): number | undefined {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(field.value)) throw badValue(field, 'a number in (0, 1]');
  const f = Number(field.value);
  if (!(f > 0 && f <= 1)) {
    warn(field.no, `compact_threshold ${field.value} is outside (0, 1]; ignored`);
    return undefined;
  }
  return f;
}

function readSandbox(section: Section, recipe: Recipe, warn: Warn): void {
  const s = recipe.sandbox;
  for (const field of fields(section, warn)) {
    if (field.key === 'filesystem') s.filesystem = oneOf(field, filesystems, warn) ?? s.filesystem;
    else if (field.key === 'network') s.network = oneOf(field, networks, warn) ?? s.network;
    else if (field.key === 'allow_local_fetch') {
      const value = oneOf(field, booleans, warn);
      if (value !== undefined) s.allowLocalFetch = value === 'true';
    } else unknownKey(field, warn);
  }
}

/** `### tool` sub-sections, each a key-value block. */
function readOutputProcessing(section: Section, recipe: Recipe, warn: Warn): void {
  let rule: OutputRule | undefined;
  let tool = '';
  for (const line of section.lines) {
    if (line.text.startsWith('### ')) {
      tool = line.text.slice(4).trim();
      rule = { maxLines: 0, maxTokens: 0, truncation: '', truncationMessage: '' };
      if (tool === '') warn(line.no, 'Output Processing: a "### " heading without a tool name; its rules are ignored');
      else putEntry(recipe.outputProcessing, tool, rule);
      continue;
    }
    if (rule === undefined) {
      if (line.text.trim() !== '') warn(line.no, 'Output Processing: text before the first "### tool"; ignored');
      continue;
    }
    const field = keyValue(line, `Output Processing ### ${tool}`, warn);
    if (field === undefined || field.value === '') continue;
    if (field.key === 'max_lines') rule.maxLines = wholeNumber(field, warn) ?? rule.maxLines;
    else if (field.key === 'max_tokens') rule.maxTokens = wholeNumber(field, warn) ?? rule.maxTokens;
    else if (field.key === 'truncation') rule.truncation = oneOf(field, truncations, warn) ?? rule.truncation;
    else if (field.key === 'truncation_message') rule.truncationMessage = field.value;
    else unknownKey(field, warn);
  }
}

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../store/recipe/default.js';
import { marshalRecipe } from '../../store/recipe/marshal.js';
import { emptyRecipe, parseRecipe, parseRecipeWithWarnings } from '../../store/recipe/parse.js';
import type { OutputRule, Recipe, RecipeTools } from '../../store/types.js';

// Text with Markdown punctuation, escapes, tabs, non-BMP and line-separator characters; no \n or \r.
const textUnit = fc.constantFrom(...Array.from('aZ09 _-*#>`[](){}!:.,;&<>|~"\'\\/\té日本😀\u2028\u00a0'));
/** One line of text that trimming leaves as it is (the format trims every value). */
const oneLine = fc.string({ unit: textUnit, maxLength: 24 }).filter((s) => s === s.trim());
const nonEmptyLine = oneLine.filter((s) => s !== '');
/** Prose lines, some of which start like headings or list items. */
const proseLine = fc.oneof(
  fc.string({ unit: textUnit, maxLength: 24 }),
  fc.tuple(fc.constantFrom('## ', '\\## ', '\\\\## ', '# ', '### ', '- ', '```', 'version: '), oneLine).map(([a, b]) => a + b),
);
const prose = fc.array(proseLine, { maxLength: 5 }).map((lines) => lines.join('\n')).filter((s) => s === s.trim());
const toolName = fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/);
const bashPrefix = nonEmptyLine.filter((s) => !s.includes(',') && !s.includes(')'));
const durationMs = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 * 24 * 3600 * 1000 }));

const tools: fc.Arbitrary<RecipeTools | null> = fc.option(
  fc.uniqueArray(fc.oneof(toolName, fc.constant('bash')), { maxLength: 6 }).chain((allowlist) =>
    fc.record({
      allowlist: fc.constant(allowlist),
      bashPrefixes: allowlist.includes('bash') ? fc.option(fc.array(bashPrefix, { maxLength: 3 }), { nil: null }) : fc.constant(null),
      guidance:
        allowlist.length === 0
          ? fc.constant(null)
          : fc.option(
              fc.subarray(allowlist, { minLength: 1 }).chain((names) =>
                fc.array(oneLine, { minLength: names.length, maxLength: names.length }).map((texts) =>
                  Object.fromEntries(names.map((name, i) => [name, texts[i]])),
                ),
              ),
              { nil: null },
            ),
    }),
  ),
  { nil: null },
);

const outputRule: fc.Arbitrary<OutputRule> = fc.record({
  maxLines: fc.nat(),
  maxTokens: fc.nat(),
  truncation: fc.constantFrom('', 'head', 'tail', 'head_tail'),
  truncationMessage: oneLine,
});

const validRecipe: fc.Arbitrary<Recipe> = fc.record({
  version: fc.constant(1),
  name: oneLine,
  models: fc.option(fc.array(nonEmptyLine, { maxLength: 4 }), { nil: null }),
  systemPrompt: prose,
  tools,
  mcpServers: fc.array(
    fc.record({ name: nonEmptyLine.filter((s) => !s.includes(':')), command: nonEmptyLine }),
    { maxLength: 3 },
  ),
  constraints: fc.record({ maxSteps: fc.nat(), timeoutMs: durationMs, bashTimeoutMs: durationMs, projectRoot: oneLine }),
  context: fc.record({
    maxHistoryTurns: fc.nat(),
    strategy: fc.constantFrom('', 'auto_compact', 'manual', 'off'),
    compactThreshold: fc.oneof(fc.constant(0), fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true })),
    taskMode: fc.constantFrom('', 'independent', 'sequential'),
    summarizationPrompt: prose,
  }),
  sandbox: fc.record({
    filesystem: fc.constantFrom('', 'unrestricted', 'project_only', 'read_only'),
    network: fc.constantFrom('', 'full', 'none'),
    allowLocalFetch: fc.boolean(),
  }),
  tasks: fc.array(nonEmptyLine, { maxLength: 3 }),
  successCriteria: fc.array(nonEmptyLine, { maxLength: 3 }),
  outputProcessing: fc.dictionary(nonEmptyLine, outputRule, { maxKeys: 3 }),
});

describe('marshalRecipe round-trips through parseRecipe', () => {
  test('every valid recipe parses back to itself, without warnings', () => {
    fc.assert(
      fc.property(validRecipe, (recipe) => {
        const { recipe: parsed, warnings } = parseRecipeWithWarnings(marshalRecipe(recipe));
        expect(warnings).toEqual([]);
        expect(parsed).toEqual(recipe);
      }),
      { numRuns: 1000 },
    );
  });

  test('task_mode, output processing, empty guidance and bash prefixes survive (Errata loses the first two)', () => {
    const recipe: Recipe = {
      ...emptyRecipe(),
      name: 'Keep It All',
      tools: { allowlist: ['read_file', 'write_file', 'bash'], bashPrefixes: ['go test'], guidance: { write_file: '' } },
      context: { ...emptyRecipe().context, taskMode: 'independent' },
      outputProcessing: { bash: { maxLines: 40, maxTokens: 0, truncation: 'head', truncationMessage: '…cut' } },
    };
    const text = marshalRecipe(recipe);
    expect(text).toContain('- read_file\n- write_file:\n- bash(go test)\n');
    expect(text).toContain('task_mode: independent');
    expect(text).toContain('### bash\nmax_lines: 40\ntruncation: head\ntruncation_message: …cut');
    expect(parseRecipe(text)).toEqual(recipe);
  });

  test('a prose line that starts like a section heading is escaped and read back as written', () => {
    const recipe: Recipe = { ...emptyRecipe(), systemPrompt: 'Intro\n## Not a section\n\\## Already escaped' };
    const text = marshalRecipe(recipe);
    expect(text).toContain('\\## Not a section\n\\\\## Already escaped');
    expect(parseRecipe(text)).toEqual(recipe);
  });
});

describe('what marshalRecipe leaves out', () => {
  test('the empty recipe is just its version', () => {
    expect(marshalRecipe(emptyRecipe())).toBe('version: 1\n');
  });

  test('an empty Tools section (no tools) and an empty Models section are written, absent ones are not', () => {
    const none: Recipe = { ...emptyRecipe(), models: [], tools: { allowlist: [], bashPrefixes: null, guidance: null } };
    expect(marshalRecipe(none)).toBe('version: 1\n\n## Models\n\n## Tools\n');
    expect(parseRecipe(marshalRecipe(none))).toEqual(none);
  });

  test('durations are written in Go form', () => {
    const recipe: Recipe = { ...emptyRecipe(), constraints: { maxSteps: 0, timeoutMs: 300_000, bashTimeoutMs: 90_000, projectRoot: '' } };
    expect(marshalRecipe(recipe)).toBe('version: 1\n\n## Constraints\ntimeout: 5m0s\nbash_timeout: 1m30s\n');
  });

  test('a recipe made in memory without a version is written as version 1', () => {
    expect(marshalRecipe({ ...emptyRecipe(), version: 0, name: 'X' })).toBe('# X\nversion: 1\n');
  });
});

describe('defaultRecipe', () => {
  test('is the built-in coding recipe', () => {
    const recipe = defaultRecipe();
    expect(recipe.name).toBe('default');
    expect(recipe.version).toBe(1);
    expect(recipe.models).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
    expect(recipe.systemPrompt).not.toBe('');
    expect(recipe.tools?.allowlist).toEqual([
      'read_file', 'list_directory', 'search_files', 'search_code', 'write_file', 'edit_file', 'delete_file',
    ]);
    expect(Object.keys(recipe.tools?.guidance ?? {})).toEqual(recipe.tools?.allowlist);
    expect(recipe.constraints).toEqual({ maxSteps: 20, timeoutMs: 300_000, bashTimeoutMs: 120_000, projectRoot: '' });
    expect(recipe.context).toMatchObject({ maxHistoryTurns: 20, strategy: 'manual', compactThreshold: 0.8 });
    expect(recipe.context.summarizationPrompt).not.toBe('');
  });

  test('its file parses without warnings', async () => {
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(new URL('../../store/recipe/default.recipe.md', import.meta.url), 'utf8');
    expect(parseRecipeWithWarnings(text).warnings).toEqual([]);
  });

  test('round-trips through marshalRecipe', () => {
    expect(parseRecipe(marshalRecipe(defaultRecipe()))).toEqual(defaultRecipe());
  });

  test('each call returns a fresh copy, so changing one does not change the next', () => {
    const first = defaultRecipe();
    first.models?.push('changed');
    first.constraints.maxSteps = 1;
    if (first.tools?.guidance) first.tools.guidance.read_file = 'changed';
    const second = defaultRecipe();
    expect(second.models).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
    expect(second.constraints.maxSteps).toBe(20);
    expect(second.tools?.guidance?.read_file).not.toBe('changed');
  });
});

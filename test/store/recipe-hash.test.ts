import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyRecipe } from '../../store/recipe/parse.js';
import { canonicalSnapshotJson, recipeSnapshotHash, snapshotFromRecipe } from '../../store/recipe/snapshot.js';
import { recipeSnapshotSchema, type RecipeSnapshot } from '../../store/schemas.js';
import type { Recipe } from '../../store/types.js';
import { fixtureRoot } from '../helpers/fixtures.js';

const goReviewHash = 'rcp_v1_84ace6dd121b4650e1a18e52e7cdf3f0c7d6f4e51a97068250cb76b29aff13c4';
const defaultHash = 'rcp_v0_5ce56ac9ff40a1b5ecd80c5cf78ae9e29c4ad6cfc5dd91d9cb0026580cb13791';

/** The recipe behind the fixture's "Go Review" snapshot, as bakeoff holds it in memory. */
function goReview(): Recipe {
  const recipe = emptyRecipe();
  recipe.name = 'Go Review';
  recipe.systemPrompt = 'You review Go code & suggest <small> fixes.';
  recipe.tools = { allowlist: ['read_file', 'write_file'], bashPrefixes: null, guidance: { read_file: 'Read before you write.' } };
  recipe.sandbox = { filesystem: 'unrestricted', network: 'full', allowLocalFetch: false };
  recipe.constraints = { maxSteps: 0, timeoutMs: 300_000, bashTimeoutMs: 120_000, projectRoot: '' };
  recipe.context = { maxHistoryTurns: 20, strategy: 'auto_compact', compactThreshold: 0.8, taskMode: '', summarizationPrompt: '' };
  return recipe;
}

describe('hashes Errata wrote', () => {
  const stored = JSON.parse(readFileSync(join(fixtureRoot, 'data/recipes.json'), 'utf8')) as Record<string, unknown>;

  test('the fixture holds the two expected snapshots', () => {
    expect(Object.keys(stored).sort()).toEqual([defaultHash, goReviewHash].sort());
  });

  test.each([goReviewHash, defaultHash])('the stored snapshot under %s hashes to its key', (hash) => {
    const snapshot = recipeSnapshotSchema.parse(stored[hash]);
    expect(recipeSnapshotHash(snapshot)).toBe(hash);
  });

  test('a recipe matching "Go Review", run with read_file and write_file, gets Errata\'s hash', () => {
    const snapshot = snapshotFromRecipe(goReview(), ['read_file', 'write_file']);
    expect(snapshot).toEqual(recipeSnapshotSchema.parse(stored[goReviewHash]));
    expect(recipeSnapshotHash(snapshot)).toBe(goReviewHash);
  });

  test('no recipe is the snapshot {name: "default"} with Errata\'s v0 hash', () => {
    expect(snapshotFromRecipe(null, ['read_file'])).toEqual({ name: 'default' });
    expect(recipeSnapshotHash(snapshotFromRecipe(null, []))).toBe(defaultHash);
  });
});

describe('canonical JSON', () => {
  test('escapes <, >, &, U+2028 and U+2029 as Go does', () => {
    const json = canonicalSnapshotJson({ name: 'a<b>&c\u2028\u2029' });
    expect(json).toBe('{"name":"a\\u003cb\\u003e\\u0026c\\u2028\\u2029"}');
  });

  test('keys follow the RecipeSnapshot order of data-format.md, whatever order the object has', () => {
    const shuffled: RecipeSnapshot = {
      summarization_prompt: 's',
      context: { task_mode: 'sequential', max_history_turns: 3 },
      tools: ['t'],
      name: 'n',
      version: 1,
    };
    expect(canonicalSnapshotJson(shuffled)).toBe(
      '{"version":1,"name":"n","tools":["t"],"context":{"max_history_turns":3,"task_mode":"sequential"},"summarization_prompt":"s"}',
    );
  });

  test('map keys are sorted by UTF-8 bytes, not UTF-16 code units', () => {
    // U+FF61 sorts after U+1F600's surrogate pair in UTF-16 (0xFF61 > 0xD83D) but before it in UTF-8 (EF < F0).
    const guidance = { '\u{1F600}': 'emoji', '\uFF61': 'halfwidth', b: 'b', '10': 'ten', '9': 'nine' };
    const json = canonicalSnapshotJson({ name: 'n', tool_guidance: guidance });
    expect(json).toBe('{"name":"n","tool_guidance":{"10":"ten","9":"nine","b":"b","\uFF61":"halfwidth","\u{1F600}":"emoji"}}');
  });

  test('empty values are left out, but a list item, map value or output rule that is empty is kept', () => {
    const snapshot: RecipeSnapshot = {
      version: 0,
      name: 'n',
      system_prompt: '',
      tool_guidance: { read_file: '' },
      tools: [],
      bash_prefixes: [''],
      tasks: [],
      mcp_servers: [],
      sandbox: { filesystem: '', allow_local_fetch: false },
      constraints: {},
      context: { max_history_turns: 0, compact_threshold: 0 },
      output_processing: { bash: { max_lines: 0, truncation: '' } },
      summarization_prompt: '',
    };
    expect(canonicalSnapshotJson(snapshot)).toBe(
      '{"name":"n","tool_guidance":{"read_file":""},"bash_prefixes":[""],"output_processing":{"bash":{}}}',
    );
  });

  test('numbers are written in shortest round-trip form', () => {
    const json = canonicalSnapshotJson({ name: 'n', context: { compact_threshold: 0.1 + 0.2 }, constraints: { max_steps: 7 } });
    expect(json).toBe('{"name":"n","constraints":{"max_steps":7},"context":{"compact_threshold":0.30000000000000004}}');
  });
});

describe('snapshotFromRecipe', () => {
  test('carries every part of the recipe, in Go duration form, with tool_descriptions equal to tool_guidance', () => {
    const recipe: Recipe = {
      ...goReview(),
      tools: { allowlist: ['bash', 'read_file'], bashPrefixes: ['go test'], guidance: { read_file: 'r', bash: '' } },
      mcpServers: [{ name: 'gh', command: 'gh-mcp' }],
      constraints: { maxSteps: 9, timeoutMs: 90_000, bashTimeoutMs: 1_500, projectRoot: '/p' },
      context: { maxHistoryTurns: 4, strategy: 'manual', compactThreshold: 0.5, taskMode: 'sequential', summarizationPrompt: 'sum' },
      sandbox: { filesystem: 'read_only', network: 'none', allowLocalFetch: true },
      tasks: ['t1'],
      successCriteria: ['c1'],
      outputProcessing: { bash: { maxLines: 10, maxTokens: 0, truncation: 'tail', truncationMessage: '' } },
    };
    expect(snapshotFromRecipe(recipe, ['bash'])).toEqual({
      version: 1,
      name: 'Go Review',
      system_prompt: 'You review Go code & suggest <small> fixes.',
      tool_guidance: { bash: '', read_file: 'r' },
      tools: ['bash'],
      bash_prefixes: ['go test'],
      tool_descriptions: { bash: '', read_file: 'r' },
      tasks: ['t1'],
      success_criteria: ['c1'],
      mcp_servers: [{ name: 'gh', command: 'gh-mcp' }],
      sandbox: { filesystem: 'read_only', network: 'none', allow_local_fetch: true },
      constraints: { max_steps: 9, timeout: '1m30s', bash_timeout: '1.5s', project_root: '/p' },
      context: { max_history_turns: 4, strategy: 'manual', compact_threshold: 0.5, task_mode: 'sequential' },
      output_processing: { bash: { max_lines: 10, truncation: 'tail' } },
      summarization_prompt: 'sum',
    });
  });

  test('leaves out empty fields and whole empty sandbox, constraints and context', () => {
    const snapshot = snapshotFromRecipe(emptyRecipe(), []);
    expect(snapshot).toEqual({ version: 1, name: 'default' });
    expect(Object.keys(snapshot)).toEqual(['version', 'name']);
  });

  test('a snapshot survives a trip through recipes.json with the same hash', () => {
    const snapshot = snapshotFromRecipe(goReview(), ['read_file', 'write_file']);
    const reread = recipeSnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)));
    expect(recipeSnapshotHash(reread)).toBe(recipeSnapshotHash(snapshot));
  });

  test('the name is part of the hash, and an unnamed recipe hashes as "default"', () => {
    const named = recipeSnapshotHash(snapshotFromRecipe(goReview(), []));
    const renamed = recipeSnapshotHash(snapshotFromRecipe({ ...goReview(), name: 'Go Review 2' }, []));
    expect(renamed).not.toBe(named);
    const unnamed = recipeSnapshotHash(snapshotFromRecipe({ ...goReview(), name: '' }, []));
    expect(unnamed).toBe(recipeSnapshotHash(snapshotFromRecipe({ ...goReview(), name: 'default' }, [])));
  });

  test('the active tools are part of the hash', () => {
    const withRead = recipeSnapshotHash(snapshotFromRecipe(goReview(), ['read_file']));
    expect(recipeSnapshotHash(snapshotFromRecipe(goReview(), ['read_file', 'write_file']))).not.toBe(withRead);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { emptyRecipe, parseRecipe, parseRecipeWithWarnings } from '../../store/recipe/parse.js';
import { fixtureRoot } from '../helpers/fixtures.js';

const everySection = `# Full Recipe
version: 1

## Models
- demo/alpha
- openai/gpt-4.1

## System Prompt

Be brief.

Use **Markdown** & <tags> freely.

## Tools
- read_file
- write_file: Write whole files only.
- bash(go test, go build): Run the tests first.

## MCP Servers
- github: npx -y @modelcontextprotocol/server-github --port 8080

## Constraints
max_steps: 30
- timeout: 1m30s
bash_timeout: 45
project_root: /src/app

## Context
max_history_turns: 12
strategy: auto_compact
compact_threshold: 0.75
task_mode: sequential

## Sandbox
filesystem: project_only
network: none
allow_local_fetch: true

## Tasks
- Fix the failing test
- Add a changelog entry

## Success Criteria
- go test ./... passes

## Context Summarization Prompt
Summarize the session.
Keep file paths.

## Output Processing

### bash
max_lines: 200
truncation: head_tail
truncation_message: [{line_count} lines cut]

### read_file
- max_tokens: 4000
- truncation: tail
`;

describe('parseRecipe reads every section', () => {
  const { recipe, warnings } = parseRecipeWithWarnings(everySection);

  test('a well-formed recipe gives no warnings', () => {
    expect(warnings).toEqual([]);
  });

  test('the first "# " line is the name and version is 1', () => {
    expect(recipe.name).toBe('Full Recipe');
    expect(recipe.version).toBe(1);
  });

  test('Models are the list items in order', () => {
    expect(recipe.models).toEqual(['demo/alpha', 'openai/gpt-4.1']);
  });

  test('the System Prompt is kept as written, trimmed', () => {
    expect(recipe.systemPrompt).toBe('Be brief.\n\nUse **Markdown** & <tags> freely.');
  });

  test('Tools give the allowlist, guidance and bash prefixes', () => {
    expect(recipe.tools).toEqual({
      allowlist: ['read_file', 'write_file', 'bash'],
      bashPrefixes: ['go test', 'go build'],
      guidance: { write_file: 'Write whole files only.', bash: 'Run the tests first.' },
    });
  });

  test('an MCP server command keeps the colons after the first', () => {
    expect(recipe.mcpServers).toEqual([
      { name: 'github', command: 'npx -y @modelcontextprotocol/server-github --port 8080' },
    ]);
  });

  test('Constraints read Go durations and whole seconds', () => {
    expect(recipe.constraints).toEqual({ maxSteps: 30, timeoutMs: 90_000, bashTimeoutMs: 45_000, projectRoot: '/src/app' });
  });

  test('Context reads its four keys and the summarization prompt comes from its own section', () => {
    expect(recipe.context).toEqual({
      maxHistoryTurns: 12,
      strategy: 'auto_compact',
      compactThreshold: 0.75,
      taskMode: 'sequential',
      summarizationPrompt: 'Summarize the session.\nKeep file paths.',
    });
  });

  test('Sandbox reads filesystem, network and allow_local_fetch', () => {
    expect(recipe.sandbox).toEqual({ filesystem: 'project_only', network: 'none', allowLocalFetch: true });
  });

  test('Tasks and Success Criteria are lists', () => {
    expect(recipe.tasks).toEqual(['Fix the failing test', 'Add a changelog entry']);
    expect(recipe.successCriteria).toEqual(['go test ./... passes']);
  });

  test('Output Processing reads one rule per "### tool"', () => {
    expect(recipe.outputProcessing).toEqual({
      bash: { maxLines: 200, maxTokens: 0, truncation: 'head_tail', truncationMessage: '[{line_count} lines cut]' },
      read_file: { maxLines: 0, maxTokens: 4000, truncation: 'tail', truncationMessage: '' },
    });
  });
});

describe('parseRecipe details', () => {
  test('a file with only a version is the empty recipe: no models, all tools, zero values', () => {
    expect(parseRecipe('version: 1\n')).toEqual(emptyRecipe());
    expect(emptyRecipe()).toMatchObject({ name: '', models: null, tools: null, mcpServers: [], outputProcessing: {} });
  });

  test('section headings and keys match case-insensitively', () => {
    const recipe = parseRecipe('version: 1\n## MODELS\n- a\n## system   prompt\nHi\n## CoNsTrAiNtS\nMax_Steps: 3\n');
    expect(recipe.models).toEqual(['a']);
    expect(recipe.systemPrompt).toBe('Hi');
    expect(recipe.constraints.maxSteps).toBe(3);
  });

  test('key-value lines work with and without a leading "- "', () => {
    const recipe = parseRecipe('version: 1\n## Context\n- max_history_turns: 7\nstrategy: off\n');
    expect(recipe.context.maxHistoryTurns).toBe(7);
    expect(recipe.context.strategy).toBe('off');
  });

  test('Windows line endings parse the same', () => {
    expect(parseRecipe(everySection.replace(/\n/g, '\r\n'))).toEqual(parseRecipe(everySection));
  });

  test('an empty Models section is an empty list, not "no Models section"', () => {
    expect(parseRecipe('version: 1\n## Models\n').models).toEqual([]);
  });

  test('a "# " line inside a section is text, not the name', () => {
    const recipe = parseRecipe('version: 1\n## System Prompt\n# Rules\nBe kind.\n');
    expect(recipe.name).toBe('');
    expect(recipe.systemPrompt).toBe('# Rules\nBe kind.');
  });

  test('a prose line written as "\\## " reads as "## " (the escape marshalRecipe writes)', () => {
    const recipe = parseRecipe('version: 1\n## System Prompt\nIntro\n\\## Not a section\n\\\\## Two\n');
    expect(recipe.systemPrompt).toBe('Intro\n## Not a section\n\\## Two');
  });
});

describe('the Tools section', () => {
  const tools = (body: string) => parseRecipe(`version: 1\n${body}`).tools;

  test('absent means all tools (null)', () => {
    expect(tools('## Models\n- a\n')).toBeNull();
  });

  test('present but empty means no tools', () => {
    expect(tools('## Tools\n\n## Models\n- a\n')).toEqual({ allowlist: [], bashPrefixes: null, guidance: null });
  });

  test('a tool without guidance has no guidance entry, and an empty one keeps ""', () => {
    const parsed = tools('## Tools\n- read_file\n- write_file:\n- edit_file:   \n');
    expect(parsed?.allowlist).toEqual(['read_file', 'write_file', 'edit_file']);
    expect(parsed?.guidance).toEqual({ write_file: '', edit_file: '' });
    expect(parsed?.guidance).not.toHaveProperty('read_file');
  });

  test('bash(...) limits bash to its prefixes; plain bash allows every command', () => {
    expect(tools('## Tools\n- bash(npm test,  git status , )\n')).toEqual({
      allowlist: ['bash'],
      bashPrefixes: ['npm test', 'git status'],
      guidance: null,
    });
    expect(tools('## Tools\n- bash\n')?.bashPrefixes).toBeNull();
    expect(tools('## Tools\n- bash()\n')?.bashPrefixes).toEqual([]);
  });

  test('a tool named __proto__ is an ordinary entry', () => {
    const parsed = tools('## Tools\n- __proto__: odd\n');
    expect(Object.keys(parsed?.guidance ?? {})).toEqual(['__proto__']);
  });
});

describe('version errors', () => {
  test('a missing version is an error naming the line where the header ends', () => {
    expect(() => parseRecipe('# No Version\n\n## Models\n- a\n')).toThrow(/^recipe line 3: missing version/);
    expect(() => parseRecipe('# No Version\n')).toThrow(/recipe line 2: missing version/);
  });

  test('a bad version is an error naming the line and the value', () => {
    expect(() => parseRecipe('# X\nversion: x\n')).toThrow('recipe line 2: bad version "x": want 1');
    expect(() => parseRecipe('# X\n\nversion: 2\n')).toThrow('recipe line 3: bad version "2": want 1');
    expect(() => parseRecipe('version:\n')).toThrow('recipe line 1: bad version "": want 1');
  });

  test('a version inside a section does not count', () => {
    expect(() => parseRecipe('# X\n## Constraints\nversion: 1\n')).toThrow(/missing version/);
  });
});

describe('values that cannot be parsed are errors with the line number', () => {
  test.each([
    ['## Constraints\nmax_steps: many', 'recipe line 3: bad max_steps "many"'],
    ['## Constraints\n\ntimeout: 5 minutes', 'recipe line 4: bad timeout "5 minutes"'],
    ['## Constraints\nbash_timeout: 1.5', 'recipe line 3: bad bash_timeout "1.5"'],
    ['## Context\nmax_history_turns: 2.5', 'recipe line 3: bad max_history_turns "2.5"'],
    ['## Context\ncompact_threshold: high', 'recipe line 3: bad compact_threshold "high"'],
    ['## Output Processing\n### bash\nmax_lines: lots', 'recipe line 4: bad max_lines "lots"'],
  ])('%j', (body, message) => {
    expect(() => parseRecipe(`version: 1\n${body}\n`)).toThrow(message);
  });
});

describe('unknown things are warnings that name them', () => {
  const parse = (body: string) => parseRecipeWithWarnings(`# W\nversion: 1\n${body}`);

  test('an unknown section is skipped with a warning naming it and its line', () => {
    const { recipe, warnings } = parse('## Model Parameters\ntemperature: 0.2\n## Models\n- a\n');
    expect(warnings).toEqual(['recipe line 3: unknown section "Model Parameters"; skipped']);
    expect(recipe.models).toEqual(['a']);
  });

  test('a section titled like an Object.prototype key is unknown', () => {
    expect(parse('## constructor\n').warnings).toEqual(['recipe line 3: unknown section "constructor"; skipped']);
  });

  test.each([
    ['## Context\nstrategy: fast', 'unknown strategy "fast"'],
    ['## Context\ntask_mode: parallel', 'unknown task_mode "parallel"'],
    ['## Sandbox\nfilesystem: everywhere', 'unknown filesystem "everywhere"'],
    ['## Sandbox\nnetwork: some', 'unknown network "some"'],
    ['## Sandbox\nallow_local_fetch: maybe', 'unknown allow_local_fetch "maybe"'],
    ['## Constraints\nmax_turns: 3', 'unknown key "max_turns" in Constraints'],
  ])('an unknown value is ignored with a warning: %j', (body, message) => {
    const { recipe, warnings } = parse(`${body}\n`);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^recipe line 4: /);
    expect(warnings[0]).toContain(message);
    expect({ ...recipe, name: '' }).toEqual(emptyRecipe());
  });

  test('an unknown truncation leaves the rule without one', () => {
    const { recipe, warnings } = parse('## Output Processing\n### bash\ntruncation: middle\nmax_lines: 5\n');
    expect(warnings).toEqual([
      'recipe line 5: unknown truncation "middle" in Output Processing ### bash (want head | tail | head_tail); ignored',
    ]);
    expect(recipe.outputProcessing.bash).toEqual({ maxLines: 5, maxTokens: 0, truncation: '', truncationMessage: '' });
  });

  test('numbers outside their range are ignored with a warning', () => {
    const { recipe, warnings } = parse('## Context\ncompact_threshold: 1.5\nmax_history_turns: -1\n## Constraints\ntimeout: -5s\n');
    expect(warnings).toEqual([
      'recipe line 4: compact_threshold 1.5 is outside (0, 1]; ignored',
      'recipe line 5: max_history_turns -1 is below 0; ignored',
      'recipe line 7: timeout -5s is negative; ignored',
    ]);
    expect(recipe.context.compactThreshold).toBe(0);
    expect(recipe.constraints.timeoutMs).toBe(0);
  });

  test('enum values are matched case-insensitively', () => {
    const { recipe, warnings } = parse('## Context\nstrategy: Manual\n');
    expect(warnings).toEqual([]);
    expect(recipe.context.strategy).toBe('manual');
  });

  test('a stray line in a list or key-value section is a warning', () => {
    const { warnings } = parse('## Models\nalpha\n## Constraints\njust words\n## MCP Servers\n- nocolon\n');
    expect(warnings).toEqual([
      'recipe line 4: Models: ignored "alpha", want "- item"',
      'recipe line 6: Constraints: ignored "just words", want "key: value"',
      'recipe line 8: MCP Servers: "nocolon" is not "name: command"; ignored',
    ]);
  });
});

test('the fixture session recipe written by Errata parses', () => {
  const path = join(fixtureRoot, 'data/sessions/ses_01950000-0000-7000-8000-00000000000b/recipe.md');
  const { recipe, warnings } = parseRecipeWithWarnings(readFileSync(path, 'utf8'));
  expect(warnings).toEqual([]);
  expect(recipe.name).toBe('Go Review');
  expect(recipe.version).toBe(1);
  expect(recipe.models).toEqual(['claude-sonnet-4-6', 'gemini-2.5-pro']);
  expect(recipe.systemPrompt).toBe('You review Go code & suggest <small> fixes.');
  expect(recipe.tools).toBeNull();
});

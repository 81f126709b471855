// The tools a model calls: reads inside the project root, writes as proposals, edits that must match
// once, bash within its prefixes and timeout, output cut by the recipe's rules, chosen by the recipe.
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultRecipe, parseRecipe } from '../../store/index.js';
import type { Recipe } from '../../store/index.js';
import { toolboxFor } from '../../src/runs/tools/tool-registry.js';
import { ProposedFiles } from '../../src/runs/tools/proposed-files.js';
import { RunSandbox } from '../../src/runs/sandbox/run-sandbox.js';
import { sandboxPolicyOf } from '../../src/runs/sandbox/sandbox-policy.js';
import { bwrapPrerequisite, requireCommand } from '../helpers/require-command.js';
import { runToolCall } from '../../src/runs/tools/run-tool-call.js';
import type { ToolContext } from '../../src/runs/tools/tool-types.js';
import { tempDir } from '../helpers/temp-dir.js';

async function project(): Promise<{ root: string; outside: string }> {
  const base = await tempDir();
  const root = join(base, 'project');
  const outside = join(base, 'outside');
  await mkdir(join(root, 'src', 'deep'), { recursive: true });
  await mkdir(join(root, 'node_modules', 'pkg'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(root, 'README.md'), 'line 1\nline 2\nline 3\nline 4\nline 5');
  await writeFile(join(root, 'src', 'main.ts'), 'export const answer = 42;\nconsole.log(answer);\n');
  await writeFile(join(root, 'src', 'deep', 'util.ts'), 'export function Answer() {}\n');
  await writeFile(join(root, 'node_modules', 'pkg', 'index.ts'), 'answer answer answer\n');
  await writeFile(join(outside, 'secret.txt'), 'top secret');
  return { root, outside };
}

/** Layers opened by bash calls, removed after each test. */
const opened: ProposedFiles[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((files) => files.finish()));
});

function harness(root: string, recipe: Recipe = defaultRecipe()) {
  const toolbox = toolboxFor(recipe);
  const sandbox = new RunSandbox({ projectRoot: root, dataDirs: [], policy: sandboxPolicyOf(recipe), env: process.env, allowUnconfined: false });
  const files = new ProposedFiles(root, [], toolbox.tools.has('bash') ? sandbox : null);
  opened.push(files);
  const context: ToolContext = { root, files, signal: new AbortController().signal, bash: { prefixes: toolbox.bashPrefixes, timeoutMs: recipe.constraints.bashTimeoutMs || 5000 }, web: toolbox.web };
  let next = 0;
  const call = async (name: string, input: unknown) => (await runToolCall(toolbox, { id: `c${++next}`, name, input }, context)).result;
  return { call, files, toolbox };
}

function recipe(markdown: string): Recipe {
  return parseRecipe(`version: 1\n\n${markdown}`);
}

describe('read-only tools', () => {
  it('read_file returns a file, or the lines asked for with offset and limit', async () => {
    const { root } = await project();
    const { call } = harness(root);
    expect((await call('read_file', { path: 'README.md' })).output).toBe('line 1\nline 2\nline 3\nline 4\nline 5');
    expect((await call('read_file', { path: 'README.md', offset: 2, limit: 2 })).output).toBe('[lines 2-3 of 5]\nline 2\nline 3');
    expect(await call('read_file', { path: 'nope.txt' })).toMatchObject({ isError: true, output: 'no such file: nope.txt' });
    expect(await call('read_file', { path: 'src' })).toMatchObject({ isError: true, output: 'src is a directory, not a file' });
  });

  it('refuses reads outside the project root, naming the path, including through a symbolic link', async () => {
    const { root, outside } = await project();
    await symlink(outside, join(root, 'escape'));
    const { call } = harness(root);
    for (const path of ['../outside/secret.txt', join(outside, 'secret.txt'), 'escape/secret.txt']) {
      const result = await call('read_file', { path });
      expect(result.isError).toBe(true);
      expect(result.output).toContain(`refused path ${JSON.stringify(path)}`);
      expect(result.output).not.toContain('top secret');
    }
    expect((await call('list_directory', { path: '..' })).output).toContain('refused path');
  });

  it('list_directory lists the root and sub-directories, directories marked with a slash', async () => {
    const { root } = await project();
    const { call } = harness(root);
    expect((await call('list_directory', {})).output).toBe('node_modules/\nREADME.md\nsrc/');
    expect((await call('list_directory', { path: 'src' })).output).toBe('deep/\nmain.ts');
  });

  it('search_files matches globs below the root, skipping node_modules, and refuses patterns that climb out', async () => {
    const { root } = await project();
    const { call } = harness(root);
    expect((await call('search_files', { pattern: '**/*.ts' })).output).toBe('src/deep/util.ts\nsrc/main.ts');
    expect((await call('search_files', { pattern: '*.ts', path: 'src/deep' })).output).toBe('src/deep/util.ts');
    expect(await call('search_files', { pattern: '../**' })).toMatchObject({ isError: true });
  });

  it('search_code finds text as path:line: text, optionally ignoring case', async () => {
    const { root } = await project();
    const { call } = harness(root);
    expect((await call('search_code', { query: 'answer' })).output).toBe('src/main.ts:1: export const answer = 42;\nsrc/main.ts:2: console.log(answer);');
    expect((await call('search_code', { query: 'answer', case_sensitive: false, glob: '**/util.ts' })).output).toBe('src/deep/util.ts:1: export function Answer() {}');
    expect((await call('search_code', { query: 'zzz' })).output).toBe('no matches for "zzz"');
  });
});

describe('writing tools', () => {
  it('write_file proposes without touching the disk, and the model reads back its own proposal', async () => {
    const { root } = await project();
    const { call, files } = harness(root);
    expect((await call('write_file', { path: 'src/new.ts', content: 'new file' })).isError).toBe(false);
    expect((await call('read_file', { path: 'src/new.ts' })).output).toBe('new file');
    await expect(readFile(join(root, 'src/new.ts'), 'utf8')).rejects.toThrow();
    expect(files.writes()).toEqual([{ path: 'src/new.ts', content: 'new file', created: true }]);
  });

  it('edit_file replaces one exact match; a missing or ambiguous match is an error back to the model', async () => {
    const { root } = await project();
    const { call, files } = harness(root);
    expect((await call('edit_file', { path: 'src/main.ts', old_string: '= 42', new_string: '= 43' })).isError).toBe(false);
    expect(files.writes()).toEqual([{ path: 'src/main.ts', content: 'export const answer = 43;\nconsole.log(answer);\n' }]);
    expect((await call('edit_file', { path: 'src/main.ts', old_string: 'answer', new_string: 'x' })).output).toBe(
      'old_string occurs 2 times in src/main.ts; include more surrounding text so it matches once',
    );
    expect((await call('edit_file', { path: 'src/main.ts', old_string: '= 42', new_string: 'y' })).output).toBe(
      'old_string not found in src/main.ts; read the file and copy the text exactly',
    );
    expect((await call('edit_file', { path: 'gone.ts', old_string: 'a', new_string: 'b' })).output).toBe('no such file: gone.ts');
    expect(files.writes()).toHaveLength(1);
  });

  it('delete_file proposes a deletion that the model then sees; a missing file is an error', async () => {
    const { root } = await project();
    const { call, files } = harness(root);
    await call('delete_file', { path: 'README.md' });
    expect(files.writes()).toEqual([{ path: 'README.md', content: '', delete: true }]);
    expect((await call('read_file', { path: 'README.md' })).output).toBe('no such file: README.md');
    expect((await call('delete_file', { path: 'missing.md' })).isError).toBe(true);
  });

  it('refuses a write outside the project root as an error naming the path, proposing nothing', async () => {
    const { root } = await project();
    const { call, files } = harness(root);
    const result = await call('write_file', { path: '../../etc/evil', content: 'x' });
    expect(result.isError).toBe(true);
    expect(result.output).toContain('refused path "../../etc/evil"');
    expect(files.writes()).toEqual([]);
  });

  it('arguments that fail the schema are an error naming the argument', async () => {
    const { root } = await project();
    const { call } = harness(root);
    expect((await call('write_file', { path: 'a.txt' })).output).toMatch(/^bad arguments: content: /);
  });
});

describe('bash', () => {
  it('is left out unless the recipe lists it', async () => {
    const { root } = await project();
    expect(harness(root).toolbox.tools.has('bash')).toBe(false);
    expect((await harness(root).call('bash', { command: 'ls' })).output).toMatch(/^unknown tool "bash"/);
  });

  it('runs allowed commands in the project root and refuses other prefixes and chaining', async () => {
    requireCommand(bwrapPrerequisite);
    const { root } = await project();
    const { call } = harness(root, recipe('## Tools\n- bash(pwd, echo)'));
    expect((await call('bash', { command: 'pwd' })).output).toMatch(/project\n\[exit code 0\]$/);
    expect((await call('bash', { command: 'echo hi' })).output).toBe('hi\n[exit code 0]');
    expect((await call('bash', { command: 'rm -rf src' })).output).toContain('allows only commands starting with "pwd", "echo"');
    expect((await call('bash', { command: 'echo hi; rm -rf src' })).output).toContain('are not allowed');
    expect((await call('bash', { command: 'echoo' })).isError).toBe(true);
  });

  it('is killed at bash_timeout', async () => {
    requireCommand(bwrapPrerequisite);
    const { root } = await project();
    const { call } = harness(root, recipe('## Tools\n- bash\n\n## Constraints\nbash_timeout: 1s'));
    const started = Date.now();
    const result = await call('bash', { command: 'echo started; sleep 5' });
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result.isError).toBe(true);
    expect(result.output).toBe('timed out after 1s; output so far:\nstarted\n');
  });
});

describe('output processing', () => {
  it('cuts runaway output to the recipe rule for the tool: head, tail or both, with its message', async () => {
    const { root } = await project();
    await writeFile(join(root, 'long.txt'), Array.from({ length: 10 }, (_, i) => `l${i + 1}`).join('\n'));
    const rules = (truncation: string) => recipe(`## Output Processing\n### read_file\nmax_lines: 4\ntruncation: ${truncation}\ntruncation_message: [cut]`);
    expect((await harness(root, rules('head')).call('read_file', { path: 'long.txt' })).output).toBe('l1\nl2\nl3\nl4\n[cut]');
    expect((await harness(root, rules('tail')).call('read_file', { path: 'long.txt' })).output).toBe('[cut]\nl7\nl8\nl9\nl10');
    expect((await harness(root, rules('head_tail')).call('read_file', { path: 'long.txt' })).output).toBe('l1\nl2\n[cut]\nl9\nl10');
  });

  it('cuts by max_tokens (about four characters a token) and says how much was left out', async () => {
    const { root } = await project();
    await writeFile(join(root, 'wide.txt'), 'x'.repeat(100));
    const { call } = harness(root, recipe('## Output Processing\n### read_file\nmax_tokens: 5'));
    expect((await call('read_file', { path: 'wide.txt' })).output).toBe(`${'x'.repeat(20)}\n[output truncated: 80 characters left out]\n`);
  });
});

describe('the tool registry', () => {
  it('without a Tools section offers every tool but bash and web_fetch, in Errata\'s tool order, with the default guidance', () => {
    const recipeWithoutTools = defaultRecipe();
    recipeWithoutTools.tools = null;
    const { specs } = toolboxFor(recipeWithoutTools);
    expect(specs.map((s) => s.name)).toEqual(['read_file', 'write_file', 'edit_file', 'delete_file', 'list_directory', 'search_files', 'search_code']);
    expect(specs[0].description).toContain('Read a file before you edit it');
  });

  it('offers only the listed tools, with the recipe guidance, and an empty guidance suppresses the default', () => {
    const { specs } = toolboxFor(recipe('## Tools\n- read_file: Always read README.md first.\n- write_file:\n- made_up_tool'));
    expect(specs.map((s) => s.name)).toEqual(['read_file', 'write_file']);
    expect(specs[0].description).toMatch(/\nAlways read README\.md first\.$/);
    expect(specs[1].description).toBe('Write a whole file (created if missing, replaced if present). `path` is relative to the project root.');
  });

  it('lists the tools in Errata\'s order whatever the recipe\'s order; network: none drops the web tools', () => {
    const listed = toolboxFor(recipe('## Tools\n- bash\n- web_fetch\n- edit_file\n- read_file\n- web_search\n- write_file'));
    expect(listed.specs.map((s) => s.name)).toEqual(['read_file', 'write_file', 'edit_file', 'bash', 'web_fetch']);
    const offline = toolboxFor(recipe('## Tools\n- read_file\n- write_file\n- web_fetch\n\n## Sandbox\nnetwork: none'));
    expect(offline.specs.map((s) => s.name)).toEqual(['read_file', 'write_file']);
  });

  it('a read-only sandbox leaves out every tool that could change the project', () => {
    const { specs } = toolboxFor(recipe('## Tools\n- read_file\n- write_file\n- bash\n\n## Sandbox\nfilesystem: read_only'));
    expect(specs.map((s) => s.name)).toEqual(['read_file']);
  });
});

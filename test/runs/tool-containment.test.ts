// Every tool, as a hostile model would call it, on a real tree with links to `/` and to a secret outside the
// project: nothing outside the root is read or listed (the files a glob or search visits included), and the
// protected paths (.git, .env, .env.*, the data directory, also inside the project) are skipped by reads and
// listings and refused, naming the rule, to writes, edits and deletions.
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultRecipe } from '../../store/index.js';
import { toolboxFor } from '../../src/runs/tools/tool-registry.js';
import { ProposedFiles } from '../../src/runs/tools/proposed-files.js';
import { runToolCall } from '../../src/runs/tools/run-tool-call.js';
import type { ToolContext } from '../../src/runs/tools/tool-types.js';
import { makeEscapeTree, type EscapeTree } from '../helpers/escape-tree.js';

/** What must never reach a model: the outside secret, /etc, keys, git config, prompts. */
const leaks = /SECRET outside|secret\.txt|root:x:0|hostname|sk-project-key|fsmonitor|every prompt|bash\(ls\)/;

let tree: EscapeTree;
beforeAll(async () => {
  tree = await makeEscapeTree('bakeoff-tools-');
  const { root, base } = tree;
  await writeFile(join(base, 'outside', 'secret.txt'), 'SECRET outside');
  await symlink('/', join(root, 'rootlink'));
  await mkdir(join(root, '.git'));
  await writeFile(join(root, '.git', 'config'), '[core]\n\tfsmonitor = evil\n');
  await mkdir(join(root, 'vendor', 'lib', '.git'), { recursive: true });
  await writeFile(join(root, 'vendor', 'lib', '.git', 'HEAD'), 'ref: fsmonitor');
  await writeFile(join(root, '.env'), 'OPENAI_API_KEY=sk-project-key\n');
  await writeFile(join(root, '.env.local'), 'OPENAI_API_KEY=sk-project-key\n');
  await mkdir(join(root, 'data', 'sessions', 'ses_1'), { recursive: true });
  await writeFile(join(root, 'data', 'prompt_history.jsonl'), '"every prompt"\n');
  await writeFile(join(root, 'data', 'sessions', 'ses_1', 'recipe.md'), '## Models\n- bash(ls)\n');
  await symlink('.env', join(root, 'innocent.txt'));
  await symlink('.git', join(root, 'gitlink'));
  await symlink('data', join(root, 'datalink'));
  await writeFile(join(root, 'real', 'notes.md'), 'SECRET-free notes\n');
});

function harness() {
  const toolbox = toolboxFor(defaultRecipe());
  const files = new ProposedFiles(tree.root, [join(tree.root, 'data')]);
  const context: ToolContext = { root: tree.root, files, signal: new AbortController().signal, bash: { prefixes: null, timeoutMs: 5000 }, web: toolbox.web };
  let next = 0;
  const call = async (name: string, input: unknown) => (await runToolCall(toolbox, { id: `c${++next}`, name, input }, context)).result;
  return { call, files };
}

const outsideReads: [string, string, Record<string, unknown>][] = [
  ['a search through a linked directory', 'search_code', { query: 'SECRET', glob: 'link/*' }],
  ['a search through a link to /', 'search_code', { query: 'root', glob: 'rootlink/etc/*' }],
  ['a glob through a link to /', 'search_files', { pattern: 'rootlink/etc/*' }],
  ['a deep glob through a linked directory', 'search_files', { pattern: 'link/**' }],
  ['a glob below a nested link', 'search_files', { pattern: 'a/b/link/*' }],
  ['a search path that is a link', 'search_files', { pattern: '*', path: 'link' }],
  ['a listing of a link to /', 'list_directory', { path: 'rootlink/etc' }],
  ['a read through a link to /', 'read_file', { path: 'rootlink/etc/passwd' }],
];

describe('reads stay inside the project', () => {
  it.each(outsideReads)('%s is refused, naming the path', async (_name, tool, input) => {
    const result = await harness().call(tool, input);
    expect(result.isError).toBe(true);
    expect(result.output).toMatch(/^refused path ".*": .*(outside the project root|leads outside)/);
    expect(result.output).not.toMatch(leaks);
  });

  it('a glob or search with braces never walks into a link', async () => {
    const { call } = harness();
    expect((await call('search_files', { pattern: '{link,rootlink,real}/*' })).output).toBe('real/f.txt\nreal/notes.md');
    expect((await call('search_code', { query: 'SECRET', glob: '{link,real}/*' })).output).toBe('real/notes.md:1: SECRET-free notes');
  });
});

const protectedPaths: [string, string][] = [
  ['.git/config', '.git directories are protected'],
  ['.GIT/config', '.git directories are protected'],
  ['vendor/lib/.git/HEAD', '.git directories are protected'],
  ['gitlink/config', '.git directories are protected'],
  ['.env', '.env files are protected'],
  ['.env.local', '.env files are protected'],
  ['innocent.txt', '.env files are protected'],
  ['data/prompt_history.jsonl', "bakeoff's data directory"],
  ['data/sessions/ses_1/recipe.md', "bakeoff's data directory"],
  ['datalink/prompt_history.jsonl', "bakeoff's data directory"],
];

describe('protected paths', () => {
  it.each(protectedPaths)('read_file %s is refused naming the rule', async (path, rule) => {
    const result = await harness().call('read_file', { path });
    expect(result).toMatchObject({ isError: true });
    expect(result.output).toBe(`refused path ${JSON.stringify(path)}: ${result.output.split(': ').slice(1).join(': ')}`);
    expect(result.output).toContain(rule);
    expect(result.output).not.toMatch(leaks);
  });

  it.each(protectedPaths)('write_file, edit_file and delete_file of %s are refused naming the rule, proposing nothing', async (path, rule) => {
    const { call, files } = harness();
    for (const [tool, input] of [
      ['write_file', { path, content: '[core]\n\tfsmonitor = "touch /tmp/pwned"' }],
      ['edit_file', { path, old_string: 'a', new_string: 'b' }],
      ['delete_file', { path }],
    ] as const) {
      const result = await call(tool, input);
      expect(result.isError, tool).toBe(true);
      expect(result.output, tool).toContain(rule);
    }
    expect(files.writes()).toEqual([]);
  });

  it.each(['.git', 'data', 'gitlink', 'vendor/lib/.git'])('list_directory and search of %s are refused', async (path) => {
    const { call } = harness();
    expect((await call('list_directory', { path })).output).toMatch(/protected|data directory/);
    expect((await call('search_files', { pattern: '*', path })).output).toMatch(/protected|data directory/);
    expect((await call('search_code', { query: 'a', path })).output).toMatch(/protected|data directory/);
  });

  it('listings and searches of the root skip every protected file and every link that leads out', async () => {
    const { call } = harness();
    expect((await call('list_directory', {})).output.split('\n')).toEqual(['a/', 'in-file', 'in-link', 'real/', 'vendor/']);
    const found = (await call('search_files', { pattern: '**/*' })).output;
    expect(found.split('\n')).toEqual(['real/f.txt', 'real/notes.md']);
    for (const query of ['OPENAI_API_KEY', 'fsmonitor', 'every prompt', 'bash(ls)', 'SECRET outside']) {
      expect((await call('search_code', { query })).output).toBe(`no matches for ${JSON.stringify(query)}`);
    }
    expect((await call('search_files', { pattern: '**/.env*' })).output).toBe('no files match **/.env*');
    expect((await call('search_files', { pattern: '**/HEAD' })).output).toBe('no files match **/HEAD');
  });
});

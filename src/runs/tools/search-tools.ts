// search_files (glob, through tinyglobby) and search_code (plain text): read-only, inside the root.
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { z } from 'zod';
import { defineTool, ToolError } from './tool-types.js';
import { readablePath } from './readable-path.js';

/** Never searched: dependencies and version control are noise for a model and can be huge. */
const ignored = ['**/node_modules/**', '**/.git/**'];
const maxFilesListed = 500;
const maxMatches = 200;
const maxSearchedFileBytes = 1024 * 1024;
const maxLineShown = 200;

/** A glob must stay below the directory it searches. */
function checkPattern(pattern: string): void {
  if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
    throw new ToolError(`refused pattern ${JSON.stringify(pattern)}: it must stay inside the project root`);
  }
}

/** Files under `directory` that match, as paths relative to the project root, sorted. */
async function matchingFiles(directory: string, realRoot: string, pattern: string): Promise<string[]> {
  checkPattern(pattern);
  const found = await glob(pattern, { cwd: directory, dot: true, onlyFiles: true, ignore: ignored, followSymbolicLinks: false, expandDirectories: false });
  return found.map((file) => path.relative(realRoot, path.join(directory, file))).sort();
}

export const searchFilesTool = defineTool({
  name: 'search_files',
  kind: 'reading',
  description: 'Find files whose path matches a glob pattern such as "**/*.ts" or "src/**/test_*.py". `path` is the directory to search (default the project root).',
  defaultGuidance: 'Find files by name or glob pattern.',
  inputSchema: z.object({
    pattern: z.string().min(1).describe('glob pattern, relative to `path`'),
    path: z.string().optional().describe('directory to search, relative to the project root'),
  }),
  describe: (input) => `search_files ${input.pattern}${input.path ? ` in ${input.path}` : ''}`,
  async run(input, { files }) {
    const realRoot = await files.rootPath();
    const found = await matchingFiles(await readablePath(files, input.path), realRoot, input.pattern);
    if (found.length === 0) return `no files match ${input.pattern}`;
    const more = found.length > maxFilesListed ? `\n[${found.length - maxFilesListed} more not shown]` : '';
    return found.slice(0, maxFilesListed).join('\n') + more;
  },
});

export const searchCodeTool = defineTool({
  name: 'search_code',
  kind: 'reading',
  description:
    'Search the text of project files for a literal string; prints "path:line: text" for each match. `glob` limits the files (default every file), `path` the directory.',
  defaultGuidance: 'Search file contents for a name or text instead of guessing where it lives.',
  inputSchema: z.object({
    query: z.string().min(1).describe('the exact text to find'),
    path: z.string().optional().describe('directory to search, relative to the project root'),
    glob: z.string().optional().describe('only files matching this glob, e.g. "**/*.go"'),
    case_sensitive: z.boolean().optional().describe('default true'),
  }),
  describe: (input) => `search_code ${JSON.stringify(input.query)}${input.path ? ` in ${input.path}` : ''}`,
  async run(input, { files, signal }) {
    const realRoot = await files.rootPath();
    const candidates = await matchingFiles(await readablePath(files, input.path), realRoot, input.glob ?? '**/*');
    const ignoreCase = input.case_sensitive === false;
    const needle = ignoreCase ? input.query.toLowerCase() : input.query;
    const matches: string[] = [];
    for (const relative of candidates) {
      if (matches.length >= maxMatches || signal.aborted) break;
      const text = await searchableText(path.join(realRoot, relative));
      if (text === null) continue;
      text.split('\n').forEach((line, index) => {
        if (matches.length >= maxMatches) return;
        if ((ignoreCase ? line.toLowerCase() : line).includes(needle)) matches.push(`${relative}:${index + 1}: ${line.trim().slice(0, maxLineShown)}`);
      });
    }
    if (matches.length === 0) return `no matches for ${JSON.stringify(input.query)}`;
    return matches.length >= maxMatches ? `${matches.join('\n')}\n[stopped after ${maxMatches} matches]` : matches.join('\n');
  },
});

/** A regular, small, non-binary file's text; null for anything else (links are not followed out of the root). */
async function searchableText(absolute: string): Promise<string | null> {
  const info = await lstat(absolute).catch(() => null);
  if (!info?.isFile() || info.size > maxSearchedFileBytes) return null;
  const text = await readFile(absolute, 'utf8').catch(() => null);
  return text === null || text.includes('\0') ? null : text;
}

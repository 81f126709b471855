// search_files (glob, through tinyglobby) and search_code (plain text): read-only, inside the root.
import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { escapePath, glob } from 'tinyglobby';
import { isWithin } from '../../../store/index.js';
import * as z from 'zod';
import { defineTool, ToolError } from './tool-types.js';
import { readablePath } from './readable-path.js';
import type { ProposedFiles } from './proposed-files.js';

/** Never searched: dependencies are noise; version control and keys are protected (and filtered again below). */
const ignored = ['**/node_modules/**', '**/.git/**', '**/.env', '**/.env.*'];
const maxFilesListed = 500;
const maxMatches = 200;
const maxSearchedFileBytes = 1024 * 1024;
const maxLineShown = 200;

/** Characters that make a path component a pattern rather than a name. */
const globMagic = /[*?[\]{}()!+@\\]/;

/** A glob must stay below the directory it searches. */
function checkPattern(pattern: string): void {
  if (path.isAbsolute(pattern) || pattern.split(/[\\/]/).includes('..')) {
    throw new ToolError(`refused pattern ${JSON.stringify(pattern)}: it must stay inside the project root`);
  }
}

/** The leading components of a pattern that hold no glob characters (`src/lib` of `src/lib/**\/*.ts`). */
function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (globMagic.test(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

/**
 * Files under `directory` that match, as paths relative to the project root, sorted. The glob's own
 * start (its static prefix) is resolved like any path, so a link to `/` is refused before it is walked;
 * every file found is resolved again and left out unless it is inside the root and not protected.
 */
async function matchingFiles(files: ProposedFiles, searchPath: string | undefined, pattern: string): Promise<string[]> {
  checkPattern(pattern);
  const realRoot = await files.rootPath();
  const directory = await readablePath(files, searchPath);
  const prefix = staticPrefix(pattern);
  if (prefix !== '') await readablePath(files, path.join(path.relative(realRoot, directory), prefix));
  // a data directory inside the project is not even walked (it can hold gigabytes of sessions)
  const dataDirs = (await files.protectedDirs()).filter((dir) => isWithin(directory, dir) && dir !== directory);
  const ignore = [...ignored, ...dataDirs.map((dir) => `${escapePath(path.relative(directory, dir).split(path.sep).join('/'))}/**`)];
  const found = await glob(pattern, { cwd: directory, dot: true, onlyFiles: true, ignore, followSymbolicLinks: false, expandDirectories: false });
  const visible = await Promise.all(found.map(async (file) => ((await files.isVisible(path.join(directory, file))) ? [file] : [])));
  return visible.flat().map((file) => path.relative(realRoot, path.join(directory, file))).sort();
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
    const found = await matchingFiles(files, input.path, input.pattern);
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
    const candidates = await matchingFiles(files, input.path, input.glob ?? '**/*');
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

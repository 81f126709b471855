// read_file and list_directory: they run at once, inside the project root, and change nothing.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { defineTool, ToolError } from './tool-types.js';
import { readablePath, shownPath } from './readable-path.js';

export const readFileTool = defineTool({
  name: 'read_file',
  kind: 'reading',
  description:
    'Read a text file of the project. `path` is relative to the project root. For a long file, `offset` is the first line to read (1-based) and `limit` the number of lines.',
  defaultGuidance: 'Read a file before you edit it, so your change matches what is there.',
  inputSchema: z.object({
    path: z.string().describe('file path relative to the project root'),
    offset: z.number().int().min(1).optional().describe('first line to read, 1-based'),
    limit: z.number().int().min(1).optional().describe('how many lines to read'),
  }),
  describe: (input) => `read_file ${input.path}`,
  async run(input, { files }) {
    const file = await files.locate(input.path);
    const content = await files.read(file);
    if (content === null) throw new ToolError(`no such file: ${file.relative}`);
    if (content.includes('\0')) throw new ToolError(`${file.relative} is a binary file`);
    if (input.offset === undefined && input.limit === undefined) return content;
    const lines = content.split('\n');
    const first = input.offset ?? 1;
    if (first > lines.length) throw new ToolError(`${file.relative} has ${lines.length} lines; offset ${first} is past the end`);
    const last = Math.min(lines.length, first - 1 + (input.limit ?? lines.length));
    return `[lines ${first}-${last} of ${lines.length}]\n${lines.slice(first - 1, last).join('\n')}`;
  },
});

export const listDirectoryTool = defineTool({
  name: 'list_directory',
  kind: 'reading',
  description: 'List the entries of a project directory (directories end with "/"). `path` is relative to the project root; omit it for the root.',
  defaultGuidance: 'List a directory to find your way around the project.',
  inputSchema: z.object({ path: z.string().optional().describe('directory relative to the project root; default the root') }),
  describe: (input) => `list_directory ${input.path || '.'}`,
  async run(input, { files }) {
    const directory = await readablePath(files, input.path);
    const shown = shownPath(await files.rootPath(), directory);
    if (!(await stat(directory).catch(() => null))?.isDirectory()) throw new ToolError(`not a directory: ${shown}`);
    const all = await readdir(directory, { withFileTypes: true });
    // protected entries (.git, .env, the data directory) and links that lead out of the project are not shown
    const shownEntries = await Promise.all(all.map(async (entry) => ((await files.isVisible(path.join(directory, entry.name))) ? [entry] : [])));
    const entries = shownEntries.flat();
    if (entries.length === 0) return `${shown} is empty`;
    return entries
      .map((entry) => (entry.isDirectory() ? `${entry.name}/` : entry.name))
      .sort((a, b) => a.localeCompare(b))
      .join('\n');
  },
});

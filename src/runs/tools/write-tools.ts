// write_file, edit_file and delete_file never touch the disk: each becomes a proposed write, applied
// only when the user picks this answer. A refused path or a bad edit is an error back to the model.
import { stat } from 'node:fs/promises';
import * as z from 'zod';
import { defineTool, ToolError } from './tool-types.js';

const appliedLater = 'It is applied only if the user picks this answer.';

export const writeFileTool = defineTool({
  name: 'write_file',
  kind: 'writing',
  description: 'Write a whole file (created if missing, replaced if present). `path` is relative to the project root.',
  defaultGuidance: 'Write a whole file; use it for new files or complete rewrites.',
  inputSchema: z.object({
    path: z.string().describe('file path relative to the project root'),
    content: z.string().describe('the complete new content'),
  }),
  describe: (input) => `write_file ${input.path}`,
  async run(input, { files }) {
    const file = await files.locate(input.path);
    if ((await stat(file.absolute).catch(() => null))?.isDirectory()) throw new ToolError(`${file.relative} is a directory`);
    await files.propose({ path: file.relative, content: input.content }, file);
    return `Proposed writing ${file.relative} (${input.content.length} characters). ${appliedLater}`;
  },
});

export const editFileTool = defineTool({
  name: 'edit_file',
  kind: 'writing',
  description:
    'Replace one exact piece of text in a file. `old_string` must occur exactly once (include surrounding lines to make it unique); `new_string` replaces it.',
  defaultGuidance: 'Replace an exact piece of an existing file; prefer it to rewriting the whole file.',
  inputSchema: z.object({
    path: z.string().describe('file path relative to the project root'),
    old_string: z.string().describe('the exact text to replace'),
    new_string: z.string().describe('the replacement'),
  }),
  describe: (input) => `edit_file ${input.path}`,
  async run(input, { files }) {
    const file = await files.locate(input.path);
    const content = await files.read(file);
    if (content === null) throw new ToolError(`no such file: ${file.relative}`);
    if (input.old_string === '') throw new ToolError(`old_string is empty; give the exact text to replace in ${file.relative}`);
    const count = content.split(input.old_string).length - 1;
    if (count === 0) throw new ToolError(`old_string not found in ${file.relative}; read the file and copy the text exactly`);
    if (count > 1) throw new ToolError(`old_string occurs ${count} times in ${file.relative}; include more surrounding text so it matches once`);
    const at = content.indexOf(input.old_string);
    await files.propose({ path: file.relative, content: content.slice(0, at) + input.new_string + content.slice(at + input.old_string.length) }, file);
    return `Proposed an edit of ${file.relative}. ${appliedLater}`;
  },
});

export const deleteFileTool = defineTool({
  name: 'delete_file',
  kind: 'writing',
  description: 'Delete a file. `path` is relative to the project root.',
  defaultGuidance: 'Delete a file only when the task clearly calls for it.',
  inputSchema: z.object({ path: z.string().describe('file path relative to the project root') }),
  describe: (input) => `delete_file ${input.path}`,
  async run(input, { files }) {
    const file = await files.locate(input.path);
    if ((await files.read(file)) === null) throw new ToolError(`no such file: ${file.relative}`);
    await files.propose({ path: file.relative, content: '', delete: true }, file);
    return `Proposed deleting ${file.relative}. ${appliedLater}`;
  },
});

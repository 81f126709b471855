// prompt_history.jsonl: one JSON string per line, oldest first on disk, shared by every session and
// process. Appends are one write(2) each with O_APPEND, so concurrent writers never split a line.
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { makeDirectories } from './make-directories.js';
import { readBytes } from './read-json.js';
import { DATA_FILE_MODE } from './durable-file.js';
import { WriteError } from './errors.js';

/** Prompts newest first; a line that is not a JSON string is skipped. */
export async function loadPromptHistory(path: string): Promise<string[]> {
  return (await readPromptHistoryFile(path)).newestFirst;
}

async function readPromptHistoryFile(path: string): Promise<{ newestFirst: string[]; endsWithNewline: boolean }> {
  const bytes = await readBytes(path);
  if (!bytes || bytes.length === 0) return { newestFirst: [], endsWithNewline: true };
  const prompts: string[] = [];
  for (const line of bytes.toString('utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'string') prompts.push(value);
    } catch {
      // A torn or foreign line: skipped, the rest of the history stays usable.
    }
  }
  return { newestFirst: prompts.reverse(), endsWithNewline: bytes[bytes.length - 1] === 0x0a };
}

/** Appends one prompt durably; `leadingNewline` ends a torn last line first so the new one stays whole. */
export async function appendPromptHistory(path: string, prompt: string, leadingNewline = false): Promise<void> {
  const line = Buffer.from((leadingNewline ? '\n' : '') + JSON.stringify(prompt) + '\n', 'utf8');
  try {
    await makeDirectories(dirname(path));
    // O_NOFOLLOW: a prompt_history.jsonl that is a symbolic link is refused (ELOOP), never appended through
    const handle = await open(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW, DATA_FILE_MODE);
    try {
      const { bytesWritten } = await handle.write(line);
      // A nearly full disk takes part of the line: that is a failure (the torn part is skipped on load).
      if (bytesWritten < line.length) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new WriteError(path, cause);
  }
}

/** The in-memory history of one process, appended to the shared file in call order. */
export class PromptHistory {
  private appending: Promise<void> = Promise.resolve();

  private constructor(
    readonly path: string,
    private readonly newestFirst: string[],
    private needsLeadingNewline: boolean,
  ) {}

  static async load(path: string): Promise<PromptHistory> {
    const { newestFirst, endsWithNewline } = await readPromptHistoryFile(path);
    return new PromptHistory(path, newestFirst, !endsWithNewline);
  }

  entries(): readonly string[] {
    return this.newestFirst;
  }

  /** False (and nothing written) when `prompt` equals the newest entry. */
  record(prompt: string): { added: boolean; durable: Promise<void> } {
    if (this.newestFirst[0] === prompt) return { added: false, durable: Promise.resolve() };
    this.newestFirst.unshift(prompt);
    // Read when this append's turn comes, so it sees a failure of the append just before it.
    const durable = this.appending.then(() => {
      const leadingNewline = this.needsLeadingNewline;
      this.needsLeadingNewline = false;
      return appendPromptHistory(this.path, prompt, leadingNewline);
    });
    // After a failed append the file may end in a torn line: the next one starts on a line of its own.
    this.appending = durable.catch(() => {
      this.needsLeadingNewline = true;
    });
    return { added: true, durable };
  }

  idle(): Promise<void> {
    return this.appending;
  }
}

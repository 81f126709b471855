// Ctrl-X Ctrl-E and /edit: the prompt in $VISUAL (or $EDITOR, or vi) on a private temporary file, the
// terminal handed over until the editor exits, the file's text taken back. Runs synchronously: nothing
// else may read the terminal while the editor has it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export type EditorOutcome = { text: string } | { error: string };

/** The editor command the user chose: $VISUAL, then $EDITOR, then vi. */
export function editorCommand(env: NodeJS.ProcessEnv): string {
  return env.VISUAL?.trim() || env.EDITOR?.trim() || 'vi';
}

/** The editor's environment: the one bakeoff started with (a project's .env never enters it), without provider keys. */
function editorEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/_API_KEY$/i.test(name)));
}

/** Editors end a file with a newline the user did not mean as part of the prompt. */
const withoutFinalNewline = (text: string): string => text.replace(/\r?\n$/, '');

export function editInExternalEditor(text: string, env: NodeJS.ProcessEnv = process.env): EditorOutcome {
  const command = editorCommand(env);
  const dir = mkdtempSync(join(tmpdir(), 'bakeoff-prompt-'));
  const file = join(dir, 'prompt.md');
  try {
    writeFileAtomic.sync(file, text, { mode: 0o600 });
    // Through the shell, as git does, so `code --wait` works; the file is an argument, never parsed.
    const result = spawnSync('/bin/sh', ['-c', `${command} "$1"`, 'sh', file], { stdio: 'inherit', env: editorEnv(env) });
    if (result.error) return { error: `Could not start the editor ${JSON.stringify(command)}: ${result.error.message}` };
    if (result.status !== 0) return { error: `The editor ${JSON.stringify(command)} exited with ${result.status ?? result.signal}; the prompt is unchanged.` };
    return { text: withoutFinalNewline(readFileSync(file, 'utf8')).replace(/\r\n?/g, '\n') };
  } catch (error) {
    return { error: `The editor failed: ${(error as Error).message}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

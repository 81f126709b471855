// The prompt of `bakeoff run`: the argument, or stdin when the argument is `-` or absent and stdin is not a
// terminal. It is cleaned as a paste into the app's prompt is (line breaks as `\n`, no escape sequences or
// control characters but tabs), and trailing white space goes, as when the app sends a prompt.
import { cleanPastedText } from '../../editor/key-reader.js';
import { UsageError } from '../usage-error.js';

/** A prompt past this is a mistake (a binary piped in by accident), not a question. */
export const maxPromptBytes = 1024 * 1024;

export async function readPrompt(argument: string | undefined, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const fromStdin = argument === '-' || (argument === undefined && !stdin.isTTY);
  if (argument === undefined && !fromStdin) throw new UsageError('needs a prompt: bakeoff run "<prompt>", or pipe it on stdin (bakeoff run - < prompt.txt)');
  const raw = fromStdin ? await readAll(stdin) : argument!;
  const prompt = cleanPastedText(raw).trimEnd();
  if (prompt.trim() === '') throw new UsageError(fromStdin ? 'the prompt read from stdin is empty' : 'the prompt is empty');
  return prompt;
}

async function readAll(stdin: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    bytes += buffer.length;
    if (bytes > maxPromptBytes) throw new UsageError(`the prompt on stdin is longer than ${maxPromptBytes / 1024 / 1024} MiB`);
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks);
  const decoded = new TextDecoder('utf-8', { fatal: true });
  try {
    return decoded.decode(text);
  } catch {
    throw new UsageError('the prompt on stdin is not UTF-8 text');
  }
}

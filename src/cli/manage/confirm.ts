// Nothing is deleted or moved without a yes: asked on a terminal, `--yes` otherwise.
import { createInterface } from 'node:readline/promises';
import { UsageError } from '../usage-error.js';

/** Resolves when the user agreed (or gave --yes); otherwise throws and nothing is changed. */
export async function confirmOrRefuse(question: string, yes: boolean, flag = '--yes'): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(`${question.replace(/\?$/, '')}: not on a terminal, so pass ${flag} to confirm (nothing was changed)`);
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    if (!/^y(es)?$/i.test(answer.trim())) throw new Error('not confirmed: nothing was changed');
  } finally {
    prompt.close();
  }
}

// After a run, at the pick: what a typed answer means (the options come from src/session/selection-options.ts).
import type { Choice } from '../runs/types.js';
import type { SelectionOption } from '../../components/types.js';

/**
 * The choice a line typed at the selection prompt makes: a number picks, `s` skips, `g`/`b` (or Errata's
 * `y`/`n`) rate (one model only), an empty line picks the highlighted option. Anything else is an error to show.
 */
export function parseSelection(
  line: string,
  options: readonly SelectionOption[],
  rateable: boolean,
  highlighted: number,
): Choice | { error: string } {
  const answer = line.trim().toLowerCase();
  if (answer === 's' || answer === 'skip') return { kind: 'skip' };
  if (rateable && ['g', 'good', 'y', 'yes'].includes(answer)) return { kind: 'rate', rating: 'good' };
  if (rateable && ['b', 'bad', 'n', 'no'].includes(answer)) return { kind: 'rate', rating: 'bad' };
  if (answer === '') {
    const option = options[highlighted];
    return option ? { kind: 'pick', modelId: option.modelId } : { error: 'Nothing to pick: type s to skip.' };
  }
  const numbered = /^(\d+)(!?)$/.exec(answer);
  if (numbered) {
    const option = options.find((o) => o.number === Number(numbered[1]));
    if (option) return { kind: 'pick', modelId: option.modelId, ...(numbered[2] ? { force: true } : {}) };
    return { error: `No response ${answer}: pick 1-${options.length}, or s to skip.` };
  }
  const rate = rateable ? ', g/y or b/n to rate' : '';
  return { error: `Type a response number and Enter${rate}, or s to skip.` };
}

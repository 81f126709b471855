// /rewind: opens the picker over every undoable run (the app's use-rewind-picker does the rest);
// `/rewind last` undoes the newest at once, code and conversation, but never over a file changed by hand.
import { relative } from 'node:path';
import { preview } from '../../store/index.js';
import type { RewindItem, RewindOutcome, RunSummary, Store } from '../../store/index.js';
import { RewindDriftError } from '../../store/rewind-plan.js';
import type { RewindMode } from '../../store/rewind-plan.js';
import type { RewindRow } from '../../components/types.js';
import { failure, info, type CommandResult, type SlashCommand } from './types.js';

/** feedIndex → the run's number as `bakeoff show` prints it: rewind markers are not runs. */
export function runNumbering(runs: readonly RunSummary[]): (feedIndex: number) => number {
  return (feedIndex) => runs.slice(0, feedIndex + 1).filter((run) => run.type !== 'rewind').length;
}

/** A path as the user knows it: relative to the project when inside it. */
function projectPath(store: Store, path: string): string {
  const inside = relative(store.projectRoot(), path);
  return inside && !inside.startsWith('..') ? inside : path;
}

export function rewindRows(store: Store, entries: readonly RewindItem[]): RewindRow[] {
  const runNumber = runNumbering(store.metadata().runs);
  return entries.map((entry) => ({
    feedIndex: entry.feedIndex,
    run: runNumber(entry.feedIndex),
    prompt: entry.prompt,
    time: entry.timestamp.slice(0, 16).replace('T', ' '),
    picked: entry.selected,
    files: entry.files.map((f) => projectPath(store, f.path)),
  }));
}

const modeSuffix: Record<RewindMode, string> = {
  both: '',
  conversation: ' (conversation only: files kept)',
  code: ' (code only: conversation kept)',
};

/** What the app does after a rewind: new notes on the undone runs, a message, the prompt back in the input. */
export function rewoundResult(store: Store, outcome: RewindOutcome): CommandResult {
  const runNumber = runNumbering(store.metadata().runs);
  const numbers = outcome.undone.map((u) => `#${runNumber(u.feedIndex)}`).reverse();
  const what = numbers.length === 1 ? numbers[0] : `${numbers.length} runs (${numbers.join(', ')})`;
  return {
    type: 'rewound',
    undone: outcome.undone,
    restoredPrompt: outcome.restoredPrompt,
    text: `Rewound ${what}${modeSuffix[outcome.plan.mode]}: ${preview(outcome.restoredPrompt)}${outcome.fileMsg}. Its prompt is back in the input.`,
  };
}

/** `/rewind last`: without asking, a file changed by hand is never overwritten; the picker asks. */
async function rewindNewest(store: Store): Promise<CommandResult> {
  const [newest] = store.rewindEntries();
  if (!newest) return info('Nothing to rewind.');
  try {
    return rewoundResult(store, await store.rewindTo(newest.feedIndex, 'both'));
  } catch (error) {
    if (!(error instanceof RewindDriftError)) throw error;
    const paths = error.paths.map((path) => projectPath(store, path));
    return failure(
      `Nothing was rewound: ${paths.join(', ')} changed since bakeoff wrote ${paths.length === 1 ? 'it' : 'them'}. ` +
        '/rewind shows the change and asks before overwriting (or rewinds the conversation only).',
    );
  }
}

export const rewindCommand: SlashCommand = {
  name: 'rewind',
  description: 'Pick a run to undo with every later one: code and conversation, conversation only, or code only; "last" undoes the newest',
  args: '[last|list]',
  idleOnly: true,
  completion: () => ['last', 'list'],
  action: ({ store }, args) => {
    if (args === 'last') return rewindNewest(store);
    if (args !== '' && args !== 'list') return failure(`Usage: /rewind [last|list] (got "${args}")`);
    const entries = store.rewindEntries();
    if (entries.length === 0) return info('Nothing to rewind.');
    return { type: 'dialog', dialog: { kind: 'rewind', rows: rewindRows(store, entries) } };
  },
};

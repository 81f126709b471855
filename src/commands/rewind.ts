// /rewind: undo the newest run (files restored, histories cut, `[rewound]` on its note); `/rewind list`
// opens the rewind panel. Small on purpose: a picker over every run can grow from the panel.
import { relative } from 'node:path';
import { preview } from '../../store/index.js';
import type { RewindItem, Store } from '../../store/index.js';
import type { RewindRow } from '../../components/types.js';
import { failure, info, type SlashCommand } from './types.js';

/** A file the run created is deleted by a rewind; any other file it touched gets its old content back. */
export function rewindRows(store: Store, entries: readonly RewindItem[]): RewindRow[] {
  const shown = (path: string) => relative(store.projectRoot(), path) || path;
  return entries.map((entry) => ({
    prompt: entry.prompt,
    picked: entry.selected,
    restores: entry.files.filter((f) => !f.created).map((f) => shown(f.path)),
    deletes: entry.files.filter((f) => f.created).map((f) => shown(f.path)),
  }));
}

export const rewindCommand: SlashCommand = {
  name: 'rewind',
  description: 'Undo the newest run (restore its files, cut it from the histories); "list" shows the stack',
  args: '[last|list]',
  idleOnly: true,
  completion: () => ['last', 'list'],
  action: async ({ store }, args) => {
    if (args === 'list') return { type: 'dialog', dialog: { kind: 'rewind', rows: rewindRows(store, store.rewindEntries()) } };
    if (args !== '' && args !== 'last') return failure(`Usage: /rewind [last|list] (got "${args}")`);
    const [newest] = store.rewindEntries();
    if (!newest) return info('Nothing to rewind.');
    const result = await store.rewind();
    return {
      type: 'rewound',
      feedIndex: result.feedIndex,
      note: result.note,
      text: `Rewound: ${preview(newest.prompt)}${result.fileMsg}`,
    };
  },
};

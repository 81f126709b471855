// /redo: takes back the newest rewind (until a new run starts): files, conversation, session files as before it.
// A file changed since the rewind is never overwritten unless asked: `/redo force`.
import { relative } from 'node:path';
import { RedoDriftError, RedoStaleError } from '../../store/redo-plan.js';
import { runNumbering } from './rewind.js';
import { failure, info, type SlashCommand } from './types.js';

export const redoCommand: SlashCommand = {
  name: 'redo',
  description: 'Take back the newest rewind: its files, the conversation and the runs (until a new run starts); "force" overwrites files changed since',
  args: '[force]',
  idleOnly: true,
  completion: () => ['force'],
  action: async ({ store }, args) => {
    if (args !== '' && args !== 'force') return failure(`Usage: /redo [force] (got "${args}")`);
    if (store.redoDepth() === 0) return info('Nothing to redo (a redo is possible after a rewind, until a new run starts).');
    try {
      const { redone, plan } = await store.redo({ allowDrift: args === 'force' });
      const runNumber = runNumbering(store.metadata().runs);
      const numbers = redone.map((r) => `#${runNumber(r.feedIndex)}`).reverse();
      const files = plan.files.length > 0 ? `; files put back: ${plan.files.map((f) => relative(store.projectRoot(), f.path) || f.path).join(', ')}` : '';
      return { type: 'redone', redone, text: `Redone ${numbers.join(', ')}${files}.` };
    } catch (error) {
      if (error instanceof RedoDriftError) {
        const paths = error.paths.map((path) => relative(store.projectRoot(), path) || path);
        return failure(`Nothing was redone: ${paths.join(', ')} changed since the rewind. /redo force overwrites ${paths.length === 1 ? 'it' : 'them'}.`);
      }
      if (error instanceof RedoStaleError) return failure(error.message);
      throw error;
    }
  },
};

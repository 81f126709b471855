// /wipe: like /clear, and the models forget the conversation too.
import type { SlashCommand } from './types.js';

export const wipeCommand: SlashCommand = {
  name: 'wipe',
  description: 'Clear the display, the conversation histories and the rewind stack',
  idleOnly: true,
  action: async ({ store }) => {
    await store.clearRewindStack();
    await store.clearHistories();
    return { type: 'clear', text: 'Wiped the display, the conversation histories and the rewind stack.' };
  },
};

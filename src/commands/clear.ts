// /clear: a clean screen and an empty rewind stack; the models keep their conversation.
import type { SlashCommand } from './types.js';

export const clearCommand: SlashCommand = {
  name: 'clear',
  description: 'Clear the display and the rewind stack (the conversation is kept)',
  idleOnly: true,
  action: async ({ store }) => {
    await store.clearRewindStack();
    return { type: 'clear', text: 'Cleared the display and the rewind stack; the conversation is kept.' };
  },
};

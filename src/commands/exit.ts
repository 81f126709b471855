// /exit and /quit: flush the Store and leave (the app prints how to continue).
import type { SlashCommand } from './types.js';

export const exitCommand: SlashCommand = {
  name: 'exit',
  altNames: ['quit'],
  description: 'Save everything and quit',
  action: () => ({ type: 'quit' }),
};

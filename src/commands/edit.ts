// /edit [text]: open $VISUAL/$EDITOR on a prompt (the text after /edit, if any) and put the result in the
// prompt line to send with Enter. Ctrl-X Ctrl-E does the same with what the line holds.
import type { SlashCommand } from './types.js';

export const editCommand: SlashCommand = {
  name: 'edit',
  description: 'Write the prompt in $VISUAL or $EDITOR (Ctrl-X Ctrl-E edits the line you have)',
  args: '[text]',
  action: (_context, args) => ({ type: 'edit-prompt', text: args }),
};

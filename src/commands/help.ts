// /help: the commands and keys, generated from the command list itself.
import type { SlashCommand } from './types.js';

export const helpCommand: SlashCommand = {
  name: 'help',
  altNames: ['?'],
  description: 'List the slash commands and keys',
  action: (context) => ({
    type: 'dialog',
    dialog: {
      kind: 'help',
      commands: context.ui.commands.map((c) => ({
        name: [c.name, ...(c.altNames ?? [])].map((n) => `/${n}`).join(', '),
        args: c.args,
        description: c.description,
      })),
    },
  }),
};

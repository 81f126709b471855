// /history: each model's conversation turns, in a scrollable panel.
import type { SlashCommand } from './types.js';

export const historyCommand: SlashCommand = {
  name: 'history',
  description: "Browse each model's conversation turns",
  action: ({ store }) => ({
    type: 'dialog',
    dialog: { kind: 'history', histories: Object.fromEntries(Object.entries(store.histories()).map(([model, turns]) => [model, [...turns]])) },
  }),
};

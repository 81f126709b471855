// /blind: runs show `Model A`, `Model B`, … in a random order per run, and no model's name until the pick.
import type { SlashCommand } from './types.js';

export const blindCommand: SlashCommand = {
  name: 'blind',
  description: 'Hide which model gave which answer until you pick (toggle)',
  // switching while a run shows its panels would name or unname them half way
  idleOnly: true,
  action: ({ ui }) => {
    const blind = !ui.blind;
    return {
      type: 'blind',
      blind,
      text: blind ? 'Blind on: answers show as Model A, Model B, … in a random order; names are revealed after your pick.' : 'Blind off: answers show their model names.',
    };
  },
};

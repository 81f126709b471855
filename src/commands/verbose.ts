// /verbose: every event line in the live panels, or only the latest few.
import type { SlashCommand } from './types.js';

export const verboseCommand: SlashCommand = {
  name: 'verbose',
  description: 'Show every event in the live panels (toggle)',
  action: ({ ui }) => {
    const verbose = !ui.verbose;
    return { type: 'verbose', verbose, text: verbose ? 'Verbose on: every event is shown.' : 'Verbose off.' };
  },
};

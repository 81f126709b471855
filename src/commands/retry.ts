// /retry: at the pick, run again only the models whose response failed or timed out (the app does it: `r` Enter too).
import type { SlashCommand } from './types.js';

export const retryCommand: SlashCommand = {
  name: 'retry',
  description: 'At the pick: run the failed or timed-out models again, keeping the answers that worked',
  action: () => ({ type: 'retry' }),
};

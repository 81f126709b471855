// /resume: run again the models an interrupted run left unfinished, keeping the ones that completed.
import { info, type SlashCommand } from './types.js';

export const resumeCommand: SlashCommand = {
  name: 'resume',
  description: 'Resume the interrupted run saved in the checkpoint',
  idleOnly: true,
  action: async ({ store }) => {
    const checkpoint = await store.loadCheckpoint();
    if (!checkpoint) return info('No interrupted run to resume.');
    return { type: 'run', prompt: checkpoint.prompt, resume: checkpoint };
  },
};

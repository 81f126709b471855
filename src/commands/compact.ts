// /compact: each model's history is summarized into a shorter one; earlier runs can no longer be rewound.
import { info, type SlashCommand } from './types.js';

export const compactCommand: SlashCommand = {
  name: 'compact',
  description: "Summarize the models' conversation histories to save context",
  idleOnly: true,
  action: async ({ store, session, services }) => {
    const summary = await services.compactSession(store, session.models);
    await store.clearRewindStack();
    return info(summary || 'Compacted the conversation histories.');
  },
};

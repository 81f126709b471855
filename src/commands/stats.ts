// /stats [all]: wins, losses and averages per model, for this session or every session, by recipe.
import { loadStatsFilters } from './stats-view.js';
import { failure, type SlashCommand } from './types.js';

export const statsCommand: SlashCommand = {
  name: 'stats',
  description: 'Per-model stats: this session, or every session with "all"',
  args: '[all]',
  completion: () => ['all'],
  action: async ({ store }, args) => {
    if (args !== '' && args !== 'all') return failure(`Usage: /stats [all] (got "${args}")`);
    return { type: 'dialog', dialog: { kind: 'stats', scope: args === 'all' ? 'all' : 'session', filters: await loadStatsFilters(store) } };
  },
};

// /cost: per model, what this process spent and what the whole session's runs cost.
import { costRows, sessionCostUsd } from '../app/session-cost.js';
import type { SlashCommand } from './types.js';

export const costCommand: SlashCommand = {
  name: 'cost',
  description: 'Spend per model: this process and the whole session',
  action: ({ store, session, ui }) => {
    const runs = store.metadata().runs;
    const rows = costRows(runs, store.costPerModel(), session.models, ui.unknownPriceModels);
    return {
      type: 'dialog',
      dialog: {
        kind: 'cost',
        rows,
        processTotalUsd: store.totalCost(),
        sessionTotalUsd: sessionCostUsd(runs, ui.unrecordedSpendUsd),
        unknown: rows.some((r) => r.sessionUsd === null),
      },
    };
  },
};

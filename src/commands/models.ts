// /models: the session's models, where their prices come from, and what is wrong with any of them.
import { info, type SlashCommand } from './types.js';

export const modelsCommand: SlashCommand = {
  name: 'models',
  description: 'List the active models and any problem with them',
  action: ({ session, services }) => {
    const { models, problems } = services.resolveModels(session.models);
    const lines = ['Models:'];
    for (const model of models) {
      const details = [model.priceLabel || 'catalog prices', model.contextWindow ? `${model.contextWindow} tokens of context` : '', model.endpoint ? `endpoint ${model.endpoint}` : '']
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${model.id}  (${details})`);
    }
    if (models.length === 0) lines.push('  (none)');
    for (const problem of problems) lines.push(`  problem: ${problem}`);
    return info(lines.join('\n'));
  },
};

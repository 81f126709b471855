// /models: every model of the recipe, usable or not: where its prices come from and its requests go, and
// why one that cannot run is left out (the start line said it once; this says it whenever asked).
import { info, type SlashCommand } from './types.js';

export const modelsCommand: SlashCommand = {
  name: 'models',
  description: "List the recipe's models: which run, why any is left out, where each one's requests go",
  action: ({ session, services }) => {
    const { models, leftOut } = services.resolveModels(session.recipeModels);
    const lines = ['Models:'];
    for (const model of models) {
      const details = [model.priceLabel || 'catalog prices', model.contextWindow ? `${model.contextWindow} tokens of context` : '', `endpoint ${model.address}`]
        .filter(Boolean)
        .join(', ');
      lines.push(`  ${model.id}  (${details})`);
    }
    for (const model of leftOut) lines.push(`  ${model.id}  left out: ${model.reason} (endpoint ${model.endpoint})`);
    if (models.length === 0 && leftOut.length === 0) lines.push('  (none: the recipe names no models)');
    return info(lines.join('\n'));
  },
};

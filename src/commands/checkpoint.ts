// /checkpoint: the interrupted run a /resume would continue, model by model.
import type { Checkpoint } from '../../store/index.js';
import type { CheckpointModelRow, CheckpointView } from '../../components/types.js';
import type { SlashCommand } from './types.js';

export function checkpointView(checkpoint: Checkpoint): CheckpointView {
  return {
    prompt: checkpoint.prompt,
    timestamp: checkpoint.timestamp,
    models: checkpoint.adapter_ids.map((modelId): CheckpointModelRow => {
      const snap = checkpoint.responses.find((r) => r.model_id === modelId);
      if (!snap) return { modelId, state: 'not started', textPreview: '', inputTokens: 0, outputTokens: 0, costUsd: 0, writes: [] };
      const state = snap.completed ? 'completed' : !snap.interrupted && snap.error ? 'failed' : 'interrupted';
      return {
        modelId,
        state,
        textPreview: snap.text ?? '',
        inputTokens: snap.input_tokens,
        outputTokens: snap.output_tokens,
        costUsd: snap.cost_usd,
        writes: (snap.proposed_writes ?? []).map((w) => (w.delete ? `-${w.path}` : w.path)),
        error: snap.error || undefined,
      };
    }),
  };
}

export const checkpointCommand: SlashCommand = {
  name: 'checkpoint',
  description: 'Show the interrupted run that /resume would continue',
  action: async ({ store }) => {
    const checkpoint = await store.loadCheckpoint();
    return { type: 'dialog', dialog: { kind: 'checkpoint', checkpoint: checkpoint ? checkpointView(checkpoint) : null } };
  },
};

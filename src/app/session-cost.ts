// What the session has cost. The session's spend is the sum of `costs_usd` over every run in its metadata
// (rewound runs included: the money was spent) plus what this process spent on cancelled runs that were
// never recorded. A model whose price is unknown counts as $0 and marks the total as a lower bound ("?").
import type { RunSummary } from '../../store/index.js';
import type { CostRow } from '../../components/types.js';

interface ModelSpend {
  usd: number;
  inputTokens: number;
  outputTokens: number;
}

export function spendByModel(runs: readonly RunSummary[]): Map<string, ModelSpend> {
  const spend = new Map<string, ModelSpend>();
  for (const run of runs) {
    for (const model of run.models ?? []) {
      const entry = spend.get(model) ?? { usd: 0, inputTokens: 0, outputTokens: 0 };
      entry.usd += run.costs_usd?.[model] ?? 0;
      entry.inputTokens += run.input_tokens?.[model] ?? 0;
      entry.outputTokens += run.output_tokens?.[model] ?? 0;
      spend.set(model, entry);
    }
  }
  return spend;
}

export function sessionCostUsd(runs: readonly RunSummary[], unrecordedSpendUsd: number): number {
  let total = unrecordedSpendUsd;
  for (const run of runs) for (const usd of Object.values(run.costs_usd ?? {})) total += usd;
  return total;
}

/** One row per model seen in the session or spent on by this process, the active models first. */
export function costRows(
  runs: readonly RunSummary[],
  processSpend: Readonly<Record<string, number>>,
  activeModels: readonly string[],
  unknownPriceModels: ReadonlySet<string>,
): CostRow[] {
  const session = spendByModel(runs);
  const ids = [...new Set([...activeModels, ...session.keys(), ...Object.keys(processSpend)])];
  return ids.map((modelId) => {
    const unknown = unknownPriceModels.has(modelId);
    const spent = session.get(modelId);
    return {
      modelId,
      processUsd: unknown ? null : (processSpend[modelId] ?? 0),
      sessionUsd: unknown ? null : (spent?.usd ?? 0),
      inputTokens: spent?.inputTokens ?? 0,
      outputTokens: spent?.outputTokens ?? 0,
    };
  });
}

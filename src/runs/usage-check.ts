// Token counts from a provider are untrusted numbers: negative, fractional, non-finite or absurd ones
// (more than any context window holds in one turn) make the turn's usage unknown, so the loop estimates
// it from the characters instead, and the model's panel says so once. They are never summed into stats.
import type { TurnUsage } from './model-adapter.js';

/** No model reads or writes this many tokens in one turn; a count above it is a lie or a bug. */
export const MAX_TOKENS_PER_TURN = 10_000_000;

function plausible(count: number | undefined): boolean {
  return count === undefined || (Number.isSafeInteger(count) && count >= 0 && count <= MAX_TOKENS_PER_TURN);
}

/** The usage when every count is plausible; otherwise null and what was wrong, naming the field and value. */
export function checkedUsage(usage: TurnUsage | null): { usage: TurnUsage | null; problem: string | null } {
  if (usage === null) return { usage: null, problem: null };
  const fields: [string, number | undefined][] = [
    ['input tokens', usage.inputTokens],
    ['output tokens', usage.outputTokens],
    ['reasoning tokens', usage.reasoningTokens],
    ['cache read tokens', usage.cacheReadTokens],
    ['cache write tokens', usage.cacheWriteTokens],
  ];
  const bad = fields.find(([, count]) => !plausible(count));
  if (!bad) return { usage, problem: null };
  return { usage: null, problem: `the provider reported ${String(bad[1])} ${bad[0]}: its usage is unknown, tokens and cost are estimated` };
}

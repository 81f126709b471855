// Runaway tool output cut to the recipe's Output Processing rule for that tool (or a default):
// max_lines, then max_tokens (about 4 characters each), keeping the head, the tail or both.
import type { OutputRule } from '../../store/index.js';
import { codePointCount, firstCodePoints, lastCodePoints } from '../../store/code-points.js';

/** Used for a tool the recipe has no rule for: large enough for real files, small enough for a context window. */
export const defaultOutputRule: OutputRule = { maxLines: 2000, maxTokens: 25_000, truncation: 'head', truncationMessage: '' };

type Keep = 'head' | 'tail' | 'head_tail';

function keepOf(truncation: string): Keep {
  return truncation === 'tail' || truncation === 'head_tail' ? truncation : 'head';
}

/** The output within the rule; a cut is marked with the rule's message or one that says what was left out. */
export function limitOutput(text: string, rule: OutputRule = defaultOutputRule): string {
  const keep = keepOf(rule.truncation);
  let result = text;
  const lines = text.split('\n');
  if (rule.maxLines > 0 && lines.length > rule.maxLines) {
    const omitted = lines.length - rule.maxLines;
    result = cut(lines, rule.maxLines, keep, marker(rule, `${omitted} of ${lines.length} lines left out`)).join('\n');
  }
  const maxChars = rule.maxTokens * 4;
  if (rule.maxTokens > 0 && result.length > maxChars) {
    const points = codePointCount(result);
    if (points > maxChars) {
      result = cutText(result, maxChars, keep, `\n${marker(rule, `${points - maxChars} characters left out`)}\n`);
    }
  }
  return result;
}

function marker(rule: OutputRule, what: string): string {
  return rule.truncationMessage || `[output truncated: ${what}]`;
}

/** `text` cut to `max` code points as `keep` says, walked from its ends (a huge output is never spread). */
function cutText(text: string, max: number, keep: Keep, message: string): string {
  if (keep === 'head') return firstCodePoints(text, max) + message;
  if (keep === 'tail') return message + lastCodePoints(text, max);
  const head = Math.ceil(max / 2);
  return firstCodePoints(text, head) + message + lastCodePoints(text, max - head);
}

function cut(items: string[], max: number, keep: Keep, message: string): string[] {
  if (keep === 'head') return [...items.slice(0, max), message];
  if (keep === 'tail') return [message, ...items.slice(items.length - max)];
  const head = Math.ceil(max / 2);
  const tail = max - head;
  return [...items.slice(0, head), message, ...items.slice(items.length - tail)];
}

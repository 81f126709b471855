// Runaway tool output is cut by code points walked from its ends: a 60 MB line costs a loop, never an array
// of 60 million strings, and a surrogate pair is never split.
import { describe, expect, it } from 'vitest';
import { limitOutput } from '../../src/runs/output-limits.js';
import { codePointCount, firstCodePoints, lastCodePoints } from '../../store/code-points.js';

const rule = (truncation: string, maxTokens: number) => ({ maxLines: 0, maxTokens, truncation, truncationMessage: '[cut]' });

describe('limitOutput on one huge line', () => {
  it('keeps the head of a 60 MB line quickly', () => {
    const huge = 'x'.repeat(60_000_000);
    const started = performance.now();
    const out = limitOutput(huge, rule('head', 25));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(out).toBe(`${'x'.repeat(100)}\n[cut]\n`);
  });

  it.each(['head', 'tail', 'head_tail'])('counts a surrogate pair as one character and never splits it (%s)', (truncation) => {
    const text = '😀'.repeat(50);
    const out = limitOutput(text, rule(truncation, 5));
    expect(out.replace('\n[cut]\n', '')).toBe('😀'.repeat(20));
    expect(limitOutput('😀'.repeat(20), rule(truncation, 5))).toBe('😀'.repeat(20));
  });
});

describe('code points', () => {
  it('counts, takes the first and the last without splitting a pair', () => {
    expect(codePointCount('a😀b')).toBe(3);
    expect(codePointCount('\ud83d')).toBe(1);
    expect(firstCodePoints('a😀b', 2)).toBe('a😀');
    expect(lastCodePoints('a😀b', 2)).toBe('😀b');
    expect(lastCodePoints('ab', 5)).toBe('ab');
  });
});

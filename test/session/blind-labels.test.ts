import { describe, expect, it } from 'vitest';
import { blindLabels, maskNames, revealLine } from '../../src/session/blind-labels.js';

describe('blind labels', () => {
  it('label the models A, B, … in a random order drawn for each run', () => {
    const models = ['demo/alpha', 'demo/beta', 'demo/gamma'];
    const reversed = blindLabels(models, (below) => 0 * below);
    expect(reversed.order).toEqual(['demo/beta', 'demo/gamma', 'demo/alpha']);
    expect([...reversed.labelOf]).toEqual([['demo/beta', 'Model A'], ['demo/gamma', 'Model B'], ['demo/alpha', 'Model C']]);
    const orders = new Set(Array.from({ length: 200 }, () => blindLabels(models).order.join()));
    expect(orders.size).toBe(6); // every order turns up
  });

  it('mask every model id and its bare name in any case, longest first', () => {
    const labels = blindLabels(['demo/alpha', 'openai/gpt-4.1'], () => 0);
    const a = labels.labelOf.get('demo/alpha');
    const g = labels.labelOf.get('openai/gpt-4.1');
    expect(maskNames(labels, '[demo/alpha] says ALPHA beat GPT-4.1 (openai/gpt-4.1), not gpt-4x')).toBe(`[${a}] says ${a} beat ${g} (${g}), not gpt-4x`);
    expect(maskNames(labels, 'nothing to hide')).toBe('nothing to hide');
  });

  it('reveal which label was which model', () => {
    const labels = blindLabels(['demo/alpha', 'demo/beta'], () => 0);
    expect(revealLine(labels)).toBe('Blind run revealed: Model A was demo/beta, Model B was demo/alpha.');
  });
});

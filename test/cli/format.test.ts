import { describe, expect, it } from 'vitest';
import { formatUsd as tableUsd } from '../../src/cli/format.js';
import { formatUsd as panelUsd } from '../../components/format.js';
import { formatUsd } from '../../src/text/usd.js';

describe('dollars look the same everywhere', () => {
  it('nothing spent is $0.0000, like any other amount under a dollar (stats used to print $0 for a failed model)', () => {
    expect([0, 0.00001, 0.0123, 0.99996, 1.5, 12.345].map(formatUsd)).toEqual(['$0.0000', '$0.0000', '$0.0123', '$1.0000', '$1.50', '$12.35']);
  });

  it('an unknown price is ?', () => {
    expect([null, undefined, Number.NaN].map(formatUsd)).toEqual(['?', '?', '?']);
  });

  it('the panels and the subcommands format with the one function, not two copies', () => {
    expect(panelUsd).toBe(formatUsd);
    expect(tableUsd).toBe(formatUsd);
  });
});

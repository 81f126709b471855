import { describe, expect, it } from 'vitest';
import { formatUsd as tableUsd } from '../../src/cli/format.js';
import { formatUsd as panelUsd } from '../../components/format.js';

describe('dollars look the same everywhere', () => {
  it('nothing spent is $0.0000, like any other amount under a dollar (stats used to print $0 for a failed model)', () => {
    for (const formatUsd of [tableUsd, panelUsd]) {
      expect([0, 0.00001, 0.0123, 1.5].map(formatUsd)).toEqual(['$0.0000', '$0.0000', '$0.0123', '$1.50']);
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { adoptJoinedEncoding, arrayPieces } from '../../store/json-cache.js';

type Item = { n: number; text: string };

describe('cached JSON pieces', () => {
  it('any sequence of appends, truncations and replacements encodes exactly like JSON.stringify', () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 90 }) }),
      fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat() }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), fc.boolean(), (ops, startLoaded) => {
        let next = 0;
        const item = (): Item => ({ n: next++, text: `t${next} é"\\` });
        let array: Item[] = startLoaded ? Array.from({ length: 5 }, item) : [];
        if (startLoaded) adoptJoinedEncoding(array, Buffer.from(array.map((x) => JSON.stringify(x)).join(' , ')));
        for (const o of ops) {
          if (o.kind === 'append') array = [...array, ...Array.from({ length: o.count }, item)];
          if (o.kind === 'truncate') array = array.slice(0, o.keep % (array.length + 1));
          if (o.kind === 'replace' && array.length) array = array.map((x, i) => (i === o.at % array.length ? item() : x));
          if (o.kind === 'swap' && array.length > 1) {
            const i = o.at % (array.length - 1);
            array = [...array.slice(0, i), array[i + 1], array[i], ...array.slice(i + 2)];
          }
          expect(JSON.parse(Buffer.concat(arrayPieces(array)).toString())).toEqual(array);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a long session saves in a bounded number of pieces, not one per record', () => {
    let array: Item[] = [];
    for (let i = 0; i < 1000; i++) {
      array = [...array, { n: i, text: 'x' }];
      arrayPieces(array);
    }
    expect(arrayPieces(array).length).toBeLessThanOrEqual(FOLD_LIMIT);
  });
});

/** at most 63 unfolded records (a comma and the record each), one chunk per 64 folded, and the brackets */
const FOLD_LIMIT = 2 * 63 + Math.ceil(1000 / 64) + 2;

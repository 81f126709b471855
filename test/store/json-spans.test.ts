import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayElements, documentSpan, objectMembers } from '../../store/json-spans.js';

const text = (buf: Buffer, span: { start: number; end: number }) => buf.toString('utf8', span.start, span.end);

describe('json spans', () => {
  it('finds every element of any array, however it was formatted', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.constantFrom(undefined, 1, 2), (values, indent) => {
        const buf = Buffer.from(JSON.stringify(values, null, indent));
        const spans = arrayElements(buf, documentSpan(buf));
        expect(spans.map((span) => JSON.parse(text(buf, span)))).toEqual(JSON.parse(buf.toString()));
      }),
      { numRuns: 300 },
    );
  });

  it('finds every member of any object, keys decoded', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const buf = Buffer.from(JSON.stringify(object));
        const members = objectMembers(buf, documentSpan(buf));
        const decoded = Object.fromEntries([...members].map(([key, span]) => [key, JSON.parse(text(buf, span))]));
        expect(decoded).toEqual(JSON.parse(buf.toString()));
      }),
      { numRuns: 300 },
    );
  });

  it('is not fooled by escaped quotes and backslashes at the end of strings', () => {
    const buf = Buffer.from('[ "a\\\\", "b\\"]", {"k":"\\\\\\"}"} ,3]');
    expect(arrayElements(buf, documentSpan(buf)).map((span) => JSON.parse(text(buf, span)))).toEqual(['a\\', 'b"]', { k: '\\"}' }, 3]);
  });

  it('skips a UTF-8 byte order mark', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":[1]}')]);
    expect(text(buf, objectMembers(buf, documentSpan(buf)).get('a')!)).toBe('[1]');
  });
});

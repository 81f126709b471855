import { describe, expect, test } from 'vitest';
import { formatDuration, parseDuration } from '../../store/recipe/duration.js';

// Go's Duration.String() output for each value; the odd ones come from Go's own time package tests.
const goForms: [string, number][] = [
  ['0s', 0],
  ['1ns', 0.000001],
  ['1.1µs', 0.0011],
  ['2.2ms', 2.2],
  ['500ms', 500],
  ['999ms', 999],
  ['1s', 1000],
  ['1.5s', 1500],
  ['1.001s', 1001],
  ['30s', 30_000],
  ['59.999s', 59_999],
  ['1m0s', 60_000],
  ['1m30s', 90_000],
  ['2m0s', 120_000],
  ['5m0s', 300_000],
  ['1h0m0s', 3_600_000],
  ['1h1m1.001s', 3_661_001],
  ['26h3m4.5s', 93_784_500],
  ['-1m30s', -90_000],
  ['4m5.001s', 245_001],
  ['8m0.000000001s', 480_000.000001],
];

describe('formatDuration', () => {
  test.each(goForms)('writes %s exactly as Go does', (text, ms) => {
    expect(formatDuration(ms)).toBe(text);
  });

  test('uses µ (U+00B5) for microseconds, as Go does', () => {
    expect(formatDuration(0.5)).toBe('500\u00b5s');
  });

  test('refuses a value that is not a finite number', () => {
    expect(() => formatDuration(Number.NaN)).toThrow();
    expect(() => formatDuration(Infinity)).toThrow();
  });
});

describe('parseDuration', () => {
  test.each(goForms)('reads %s back to its value so format(parse(x)) === x', (text, ms) => {
    expect(parseDuration(text)).toBeCloseTo(ms, 9);
    expect(formatDuration(parseDuration(text))).toBe(text);
  });

  test.each([
    ['2m', 120_000],
    ['1h', 3_600_000],
    ['1h30m', 5_400_000],
    ['90s', 90_000],
    ['1.5h', 5_400_000],
    ['.5s', 500],
    ['1.s', 1000],
    ['+5s', 5000],
    ['1500us', 1.5],
    ['1500\u03bcs', 1.5],
    ['250000ns', 0.25],
    ['1m0.5s', 60_500],
  ])('reads the non-canonical Go form %s', (text, ms) => {
    expect(parseDuration(text)).toBeCloseTo(ms, 9);
  });

  test.each([
    ['30', 30_000],
    ['0', 0],
    ['120', 120_000],
    [' 45 ', 45_000],
  ])('reads whole seconds %j', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  const badValues = ['', 'abc', '5 m', '5min', '1.5', 'm', '.s', '1h-5m', '5m0', '-', '1d', 'constructor', '30 s'];
  test.each(badValues)('refuses %j', (text) => {
    expect(() => parseDuration(text)).toThrow(/bad duration/);
  });

  test('refuses a duration past Go\'s int64 nanoseconds', () => {
    expect(() => parseDuration('9999999999999999999s')).toThrow(/too large/);
    expect(() => parseDuration('2562048h')).toThrow(/too large/);
    expect(formatDuration(parseDuration('2562047h'))).toBe('2562047h0m0s');
  });
});

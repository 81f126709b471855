import { describe, expect, it } from 'vitest';
import { noColorRequested, withoutColour } from '../../src/app/no-color.js';

describe('NO_COLOR', () => {
  it('is on when set to anything but empty', () => {
    expect(noColorRequested({ NO_COLOR: '1' })).toBe(true);
    expect(noColorRequested({ NO_COLOR: '' })).toBe(false);
    expect(noColorRequested({})).toBe(false);
  });

  it('drops colour parameters and keeps bold, dim and inverse', () => {
    expect(withoutColour('\x1b[1;31mred bold\x1b[39;22m')).toBe('\x1b[1mred bold\x1b[22m');
    expect(withoutColour('\x1b[36mcyan\x1b[39m \x1b[7m \x1b[27m')).toBe('cyan \x1b[7m \x1b[27m');
    expect(withoutColour('\x1b[38;5;13mx\x1b[48;2;1;2;3;2my\x1b[0m')).toBe('x\x1b[2my\x1b[0m');
    expect(withoutColour('\x1b[2J\x1b[H plain')).toBe('\x1b[2J\x1b[H plain');
  });
});

// Waiting in ink-testing-library tests: input is read on the next tick, effects re-subscribe after a render.
export const tick = (ms = 40) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
  ctrlR: '\u0012',
} as const;

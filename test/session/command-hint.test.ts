import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandHint } from '../../src/session/command-hint.js';

const saved = process.env.BAKEOFF_DATA_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.BAKEOFF_DATA_DIR;
  else process.env.BAKEOFF_DATA_DIR = saved;
});

describe('commandHint', () => {
  it('adds -d with the absolute directory, quoted for the shell when it has to be', () => {
    delete process.env.BAKEOFF_DATA_DIR;
    expect(commandHint('/tmp/bk-data', '--resume', 'ses_1')).toBe('bakeoff -d /tmp/bk-data --resume ses_1');
    expect(commandHint("/tmp/it's here", 'show', 'ses_1')).toBe(`bakeoff -d '/tmp/it'\\''s here' show ses_1`);
    expect(commandHint('rel/dir', 'sessions')).toBe(`bakeoff -d ${resolve('rel/dir')} sessions`);
  });

  it('leaves -d out for the directory bakeoff picks without it', () => {
    delete process.env.BAKEOFF_DATA_DIR;
    expect(commandHint('./data', 'show', 'ses_1')).toBe('bakeoff show ses_1');
    process.env.BAKEOFF_DATA_DIR = '/tmp/env-data';
    expect(commandHint('/tmp/env-data', 'show', 'ses_1')).toBe('bakeoff show ses_1');
    expect(commandHint('./data', 'show', 'ses_1')).toBe(`bakeoff -d ${resolve('data')} show ses_1`);
  });
});

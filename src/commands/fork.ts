// /fork [run]: a new session with this one's runs, histories and recipe up to a run (default: all); this one stays.
import { forkSession } from '../../store/manage/session-fork.js';
import { ForkError } from '../../store/manage/session-fork.js';
import { failure, info, type SlashCommand } from './types.js';

export const forkCommand: SlashCommand = {
  name: 'fork',
  description: 'Start a new session from this one up to a run (default: all); this session is left as it is',
  args: '[run]',
  idleOnly: true,
  action: async ({ store, session }, args) => {
    if (args && !/^[1-9]\d*$/.test(args)) return failure(`Usage: /fork [run] (a run number as bakeoff show prints it; got "${args}")`);
    // the fork is read from the files: everything this session holds must be on them
    await store.flush();
    try {
      const { id, runs } = await forkSession(session.layout, store.sessionId(), args ? Number(args) : undefined);
      return info(`Forked at run #${runs}: ${id}. /sessions ${id} switches to it.`);
    } catch (error) {
      if (error instanceof ForkError) return failure(error.message);
      throw error;
    }
  },
};

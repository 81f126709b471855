// /sessions [id]: browse the data directory's sessions and switch to one (or switch at once by id or prefix).
import { readSessions, resolveSessionId } from '../../store/index.js';
import { failure, info, type SlashCommand } from './types.js';

export const sessionsCommand: SlashCommand = {
  name: 'sessions',
  description: 'Browse the sessions and switch to one (or give an id or prefix)',
  args: '[id]',
  idleOnly: true,
  action: async ({ store }, args) => {
    if (args) {
      let id: string;
      try {
        id = await resolveSessionId(store.sessionsDir(), args);
      } catch (error) {
        return failure((error as Error).message);
      }
      if (id === store.sessionId()) return info(`Already in session ${id}.`);
      return { type: 'switch-session', sessionId: id };
    }
    const { sessions, skipped } = await readSessions(store.sessionsDir());
    const current = store.metadata();
    const listed = sessions.some((s) => s.id === current.id) ? sessions : [current, ...sessions];
    return {
      type: 'dialog',
      dialog: {
        kind: 'sessions',
        sessions: listed.map((s) => ({
          id: s.id,
          lastActiveAt: s.last_active_at,
          promptCount: s.prompt_count,
          firstPrompt: s.first_prompt ?? '',
          current: s.id === current.id,
        })),
        skipped: skipped.map((s) => `${s.id}: ${s.reason}`),
      },
    };
  },
};

// /sessions [id]: browse the data directory's sessions and switch to one (or switch at once by id or prefix).
import { readSessionHeaders, resolveSessionId, sessionTitles } from '../../store/index.js';
import { hitPlace, searchSessions } from '../../store/manage/session-search.js';
import { matchInView } from '../text/match-in-view.js';
import { failure, info, type SlashCommand } from './types.js';

export const sessionsCommand: SlashCommand = {
  name: 'sessions',
  description: 'Browse the sessions: switch to one, filter, delete (or give an id, title or prefix to switch at once)',
  args: '[id|title]',
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
    const [{ sessions, skipped }, titles] = await Promise.all([readSessionHeaders(store.sessionsDir()), sessionTitles(store.sessionsDir())]);
    // this session's own title is the Store's (it may not be on disk yet in a session that has not run)
    const title = (id: string) => (id === store.sessionId() ? store.title() : titles.get(id)) ?? undefined;
    const current = store.metadata();
    const listed = sessions.some((s) => s.id === current.id) ? sessions : [current, ...sessions];
    return {
      type: 'dialog',
      dialog: {
        kind: 'sessions',
        sessions: listed.map((s) => ({
          id: s.id,
          title: title(s.id),
          lastActiveAt: s.last_active_at,
          promptCount: s.prompt_count,
          firstPrompt: s.first_prompt ?? '',
          current: s.id === current.id,
        })),
        skipped: skipped.map((s) => `${s.id}: ${s.reason}`),
        searchContent: async (text) => {
          const { matches } = await searchSessions(store.sessionsDir(), text);
          return new Map(matches.map(({ session, hits }) => [session.id, `${hitPlace(hits[0])}: ${matchInView(hits[0].line, text, 40)}`]));
        },
      },
    };
  },
};

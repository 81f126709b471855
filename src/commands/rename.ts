// /rename <title>: names the session; the title shows in the status bar and works wherever a session id does.
import { MAX_TITLE_LENGTH, TitleError } from '../../store/index.js';
import { failure, info, type SlashCommand } from './types.js';

export const renameCommand: SlashCommand = {
  name: 'rename',
  description: 'Give this session a title (usable wherever a session id is: -r, /sessions, bakeoff show…)',
  args: '<title>',
  action: async ({ store }, args) => {
    if (!args) {
      const title = store.title();
      return info(title === null ? `Usage: /rename <title> (at most ${MAX_TITLE_LENGTH} characters); this session has no title.` : `This session is titled "${title}".`);
    }
    try {
      await store.setTitle(args);
    } catch (error) {
      if (error instanceof TitleError) return failure(error.message);
      throw error;
    }
    return info(`Session ${store.sessionId()} is now titled "${args}".`);
  },
};

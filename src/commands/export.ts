// /export [path]: the session as a report, Markdown by default (data/outputs/<id>.md), JSON for a .json path.
import { join, resolve } from 'node:path';
import { writeUserFile } from '../../store/durable-file.js';
import { info, type SlashCommand } from './types.js';

/** Private like the data files: a report holds every prompt and answer. */
const REPORT_FILE_MODE = 0o600;

export const exportCommand: SlashCommand = {
  name: 'export',
  description: 'Write the session as a report (default: data/outputs/<id>.md; .json for JSON)',
  args: '[path]',
  action: async ({ store, session, services }, args) => {
    const path = args ? resolve(args) : join(session.layout.outputs, `${store.sessionId()}.md`);
    const format = path.endsWith('.json') ? 'json' : 'md';
    const report = services.renderSessionReport(store.metadata(), store.content(), format);
    await writeUserFile(path, report, REPORT_FILE_MODE);
    return info(`Exported the session to ${path}`);
  },
};

// The command line. Until the app lands this lists the sessions of the data directory.
import { dataLayout, listSessions } from '../store/index.js';

export async function main(argv: string[]): Promise<number> {
  const dataDir = process.env.BAKEOFF_DATA_DIR ?? './data';
  const sessions = await listSessions(dataLayout(dataDir).sessions);
  if (sessions.length === 0) process.stdout.write(`no sessions in ${dataDir}\n`);
  for (const s of sessions) process.stdout.write(`${s.id}  ${s.last_active_at}  ${s.prompt_count} prompts  ${s.first_prompt ?? ''}\n`);
  void argv;
  return 0;
}

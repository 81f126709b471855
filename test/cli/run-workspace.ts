// A fresh data directory (or a given one) and project for `bakeoff run` tests: the built binary run there (demo models on a 5 ms
// time unit, stdin not a terminal), and the session files read back.
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SessionContent, SessionMetadata } from '../../store/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runCli, type CliResult } from './run-cli.js';

export interface Workspace {
  data: string;
  project: string;
  run(args: string[], input?: string): Promise<CliResult>;
  cli(args: string[]): Promise<CliResult>;
  metadata(id: string): Promise<SessionMetadata>;
  content(id: string): Promise<SessionContent>;
  sessionIds(): Promise<string[]>;
}

/** `data`: a data directory to use instead of a fresh one (e.g. a copy of an Errata fixture). */
export async function workspace(options: { data?: string } = {}): Promise<Workspace> {
  const root = await tempDir('bakeoff-run-');
  const data = options.data ?? join(root, 'data');
  const project = join(root, 'project');
  await mkdir(project);
  const env = { BAKEOFF_DEMO_DELAY_MS: '5' };
  const sessionFile = (id: string, name: string) => join(data, 'sessions', id, name);
  return {
    data,
    project,
    run: (args, input) => runCli(['run', ...args], { dataDir: data, cwd: project, env, input }),
    cli: (args) => runCli(args, { dataDir: data, cwd: project, env }),
    metadata: async (id) => JSON.parse(await readFile(sessionFile(id, 'session_metadata.json'), 'utf8')) as SessionMetadata,
    content: async (id) => JSON.parse(await readFile(sessionFile(id, 'session_content.json'), 'utf8')) as SessionContent,
    sessionIds: async () => (existsSync(join(data, 'sessions')) ? (await readdir(join(data, 'sessions'))).sort() : []),
  };
}

/** The session id in a text report's last line. */
export const sessionIdIn = (stdout: string): string => {
  const id = /Session (ses_[0-9a-f-]+) · run #/.exec(stdout)?.[1];
  if (!id) throw new Error(`no session id in:\n${stdout}`);
  return id;
};


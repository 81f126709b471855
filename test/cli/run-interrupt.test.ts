// SIGINT during `bakeoff run` as a script sends it (stdout and stderr not terminals): exit 130, nothing on stdout
// (not even with --json), one line on stderr saying how to finish, the checkpoint kept and the run recorded as
// interrupted (blind too, with --blind).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SessionMetadata } from '../../store/index.js';
import { assertBuilt, bin } from './run-cli.js';
import { workspace } from './run-workspace.js';
import { waitUntil } from '../helpers/wait-until.js';

beforeAll(assertBuilt);

interface Interrupted {
  code: number | null;
  stdout: string;
  stderrLines: string[];
  sessionDir: string;
}

/** Starts a slow run, sends SIGINT once its checkpoint is on disk, and collects what it printed. */
async function interruptRun(data: string, project: string, args: string[]): Promise<Interrupted> {
  const child = spawn(process.execPath, [bin, 'run', '-d', data, ...args], { cwd: project, env: { ...process.env, BAKEOFF_DEMO_DELAY_MS: '100' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const checkpoint = () => {
    const sessions = join(data, 'sessions');
    if (!existsSync(sessions)) return null;
    const [id] = readdirSync(sessions);
    return id && existsSync(join(sessions, id, 'checkpoint.json')) ? join(sessions, id) : null;
  };
  await waitUntil(() => checkpoint() !== null, 15_000);
  child.kill('SIGINT');
  const code = await exited;
  return { code, stdout, stderrLines: stderr.replace(/\n$/, '').split('\n'), sessionDir: checkpoint()! };
}

describe('bakeoff run interrupted by SIGINT', () => {
  it.each([[[]], [['--json']], [['--blind', '--json']]])('with %j: exit 130, nothing on stdout, one line on stderr, the checkpoint kept', async (extra) => {
    const ws = await workspace();
    const result = await interruptRun(ws.data, ws.project, ['-m', 'demo/alpha,demo/beta', ...extra, 'slow: write s.txt: s']);
    expect(result.code).toBe(130);
    expect(result.stdout).toBe('');
    const id = result.sessionDir.split('/').at(-1)!;
    expect(result.stderrLines).toEqual([`bakeoff: interrupted: the run is recorded as interrupted and its checkpoint stays. To finish it: bakeoff -d ${ws.data} --resume ${id}, then /resume`]);
    expect(existsSync(join(result.sessionDir, 'checkpoint.json'))).toBe(true);
    const [run] = (JSON.parse(readFileSync(join(result.sessionDir, 'session_metadata.json'), 'utf8')) as SessionMetadata).runs as (SessionMetadata['runs'][number] & { blind?: boolean })[];
    expect(run.note).toMatch(/^Interrupted \(.*\)\. \/resume to continue\.$/);
    expect(run.blind).toBe(extra.includes('--blind') ? true : undefined);
    expect(existsSync(join(ws.project, 's.txt'))).toBe(false);
  });
});

// kill -9 anywhere: spawns the writer child on one data directory, SIGKILLs it at a random moment
// (while it starts, takes the session lock, loads, or writes), checks the data directory, and starts the
// next writer on the same session, which must continue it. Sessions rotate so files stay a realistic size.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { newSessionId, sessionPathsFor, dataLayout } from '../../store/index.js';
import { AckLog } from './ack-log.js';
import { seededRandom } from '../helpers/seeded-random.js';
import { buildChild } from './build-child.js';
import { findTempFiles, inspectDataDir } from './inspect-data-dir.js';

export interface KillHarnessOptions {
  kills: number;
  dataDir: string;
  /** the same seed gives the same kill delays (printed in the report, to replay a failure) */
  seed?: number;
  /**
   * A third of the kills land uniformly in [0, maxDelayMs) after the spawn (starting, taking the lock,
   * loading: the writer is up after 100-250 ms), the rest in [0, maxDelayMs) after it opened the session.
   */
  maxDelayMs?: number;
  /** kills per session before the next one starts */
  killsPerSession?: number;
  /** a prebuilt writer (to check the harness against a deliberately broken store); default: bundle the current one */
  writerScript?: string;
}

export interface KillHarnessReport {
  kills: number;
  sessions: number;
  seed: number;
  tornFiles: string[];
  lostRecords: string[];
  /** writers that exited by themselves (a crash, a refused lock) instead of being killed */
  writerFailures: string[];
  acknowledged: number;
  /** kills that landed before the writer had opened the session (starting, taking the lock, loading) */
  killsBeforeOpen: number;
  /** kills that left a new recipes.json lock directory behind (the next put waits until it is stale, about 10 s) */
  recipeLocksLeft: number;
  /** recipe puts refused because that lock outlasted RecipeStore's retries (not acknowledged, so not lost) */
  recipePutsRefused: string[];
  /** temporary files left in the data directory at the end (outside the sessions, which clean their own) */
  strayTempFiles: string[];
  durationMs: number;
}

export async function runKillHarness(options: KillHarnessOptions): Promise<KillHarnessReport> {
  const started = performance.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seededRandom(seed);
  const maxDelayMs = options.maxDelayMs ?? 400;
  const killsPerSession = options.killsPerSession ?? 40;
  const buildDir = await mkdtemp(join(tmpdir(), 'bakeoff-faults-'));
  const report: KillHarnessReport = { kills: 0, sessions: 0, seed, tornFiles: [], lostRecords: [], writerFailures: [], acknowledged: 0, killsBeforeOpen: 0, recipeLocksLeft: 0, recipePutsRefused: [], strayTempFiles: [], durationMs: 0 };
  try {
    const writer = options.writerScript ?? (await buildChild('writer', buildDir));
    while (report.kills < options.kills) {
      const sessionId = newSessionId();
      const acks = new AckLog();
      report.sessions++;
      const killsHere = Math.min(killsPerSession, options.kills - report.kills);
      for (let kill = 0; kill < killsHere; kill++) {
        const recipeLockBefore = await exists(`${dataLayout(options.dataDir).recipeStore}.lock`);
        const kill: KillPlan = { afterMs: random() * maxDelayMs, from: random() < 1 / 3 ? 'spawn' : 'open' };
        const outcome = await runWriter(writer, options.dataDir, sessionId, acks, { kill });
        report.kills++;
        if (!outcome.opened) report.killsBeforeOpen++;
        if (!recipeLockBefore && (await exists(`${dataLayout(options.dataDir).recipeStore}.lock`))) report.recipeLocksLeft++;
        if (outcome.exitedByItself) report.writerFailures.push(`kill ${report.kills}: the writer exited by itself: ${outcome.stderr.trim()}`);
        await judge(report, options.dataDir, sessionId, acks, outcome.problems, `kill ${report.kills}`);
      }
      // The next writer on this session must continue it and close it cleanly.
      const last = await runWriter(writer, options.dataDir, sessionId, acks, { runs: 2 });
      if (last.code !== 0) report.writerFailures.push(`the closing writer of ${sessionId} exited with ${last.code}: ${last.stderr.trim()}`);
      await judge(report, options.dataDir, sessionId, acks, last.problems, `after closing ${sessionId}`);
      await checkClosedCleanly(report, options.dataDir, sessionId);
      report.acknowledged += acks.total;
      report.recipePutsRefused.push(...acks.recipesRefused);
    }
    report.strayTempFiles = await findTempFiles(options.dataDir);
  } finally {
    await rm(buildDir, { recursive: true, force: true });
  }
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

async function judge(report: KillHarnessReport, dataDir: string, sessionId: string, acks: AckLog, problems: string[], when: string): Promise<void> {
  const inspection = await inspectDataDir(dataDir, sessionId, acks);
  report.tornFiles.push(...inspection.torn.map((torn) => `${when}: ${torn}`));
  report.tornFiles.push(...acks.quarantined.splice(0).map((path) => `${when}: a writer found ${path} corrupt`));
  report.lostRecords.push(...[...problems, ...inspection.lost].map((lost) => `${when}: ${lost}`));
}

/** After a clean close: no lock left behind, and no temporary file of any killed writer in the session. */
async function checkClosedCleanly(report: KillHarnessReport, dataDir: string, sessionId: string): Promise<void> {
  const sessionDir = sessionPathsFor(dataLayout(dataDir).sessions, sessionId).dir;
  const leftovers = (await readdir(sessionDir)).filter((name) => /\.\d+$/.test(name));
  if (leftovers.length > 0) report.writerFailures.push(`${sessionDir} still holds temporary files after a clean open and close: ${leftovers.join(', ')}`);
  const locks = await readdir(join(dataDir, 'locks')).catch(() => []);
  if (locks.some((name) => name.startsWith(sessionId))) report.writerFailures.push(`the lock of ${sessionId} is still there after close: ${locks.join(', ')}`);
}

interface WriterOutcome {
  code: number | null;
  /** the writer said it had opened the session */
  opened: boolean;
  exitedByItself: boolean;
  stderr: string;
  problems: string[];
}

interface KillPlan {
  afterMs: number;
  from: 'spawn' | 'open';
}

/** A writer that is not killed (`kill` unset) runs `runs` runs and must exit by itself within a minute. */
function runWriter(script: string, dataDir: string, sessionId: string, acks: AckLog, how: { kill?: KillPlan; runs?: number }): Promise<WriterOutcome> {
  const args = [script, dataDir, sessionId, ...(how.runs === undefined ? [] : [String(how.runs)])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const problems: string[] = [];
  let stderr = '';
  let killed = false;
  let opened = false;
  const killLater = (ms: number) =>
    setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, ms);
  // The kill, or (for a writer meant to finish, or one that never opens) a deadline.
  let timer = killLater(how.kill?.from === 'spawn' ? how.kill.afterMs : 60_000);
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  lines.on('line', (line) => {
    if (line.startsWith('open ')) {
      opened = true;
      if (how.kill?.from === 'open') {
        clearTimeout(timer);
        timer = killLater(how.kill.afterMs);
      }
    }
    const problem = acks.record(line);
    if (problem) problems.push(problem);
  });
  const stdoutDone = new Promise<void>((resolve) => lines.on('close', resolve));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      // Every line the writer wrote before it died is in the pipe: read them all before judging.
      const exitedByItself = how.kill !== undefined && !killed;
      void stdoutDone.then(() => resolve({ code, opened, exitedByItself, stderr, problems }));
    });
  });
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}


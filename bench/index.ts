// `npm run bench`: every figure of the performance issue against its floor, measured in this run.
// `--quick` (CI) uses smaller inputs and fewer repeats, prints the same lines, and never fails on timing.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { formatFigure, median, meets } from './figures.js';
import type { Figure } from './figures.js';
import { writeBigSession } from './big-session.js';
import { writeManySessions } from './many-sessions.js';
import { rareWord, writeSearchContent } from './search-content.js';
import type { RecordRunResult } from './record-run.js';
import { appResidentBytes, firstFrames, keystrokeLatencies } from './app-figures.js';
import { percentile } from './figures.js';
import { sandboxFigures } from './sandbox-figures.js';

const run = promisify(execFile);
const here = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = join(here, '..', '..');
const quick = process.argv.includes('--quick');
const MB = 1024 * 1024;

async function nodeJson<T>(script: string, args: string[], nodeFlags: string[] = []): Promise<T> {
  const { stdout } = await run(process.execPath, [...nodeFlags, join(here, script), ...args], { maxBuffer: 64 * MB });
  return JSON.parse(stdout) as T;
}

/** Wall time of one command, from spawn to exit. */
async function timed([file, ...args]: string[]): Promise<number> {
  const start = performance.now();
  await run(file, args, { maxBuffer: 64 * MB, cwd: repoRoot });
  return performance.now() - start;
}

async function recordingFigures(root: string): Promise<Figure[]> {
  const sessionBytes = quick ? 6 * MB : 60 * MB;
  const repeats = quick ? 3 : 7;
  const big = await writeBigSession(join(root, 'big'), sessionBytes);
  const empty = await nodeJson<RecordRunResult>('record-run.js', [join(root, 'empty', 'data'), '-', String(repeats)]);
  const full = await nodeJson<RecordRunResult>('record-run.js', [big.dataDir, big.sessionId, String(repeats)]);
  const rss = await appResidentBytes(big.dataDir, big.sessionId);
  const mb = full.sessionBytes / MB;
  return [
    { name: `record a run: longest stall, ${mb.toFixed(0)} MB session`, measured: median(full.stallsMs), floor: Math.max(2, median(empty.stallsMs)), unit: 'ms', target: 2 },
    { name: `record a run: time until durable, ${mb.toFixed(0)} MB`, measured: median(full.durableMs), floor: median(full.rawDurableMs), unit: 'ms', target: 1.5 },
    { name: `memory: the app with a ${mb.toFixed(0)} MB session open`, measured: rss / MB, floor: full.sessionBytes / MB, unit: 'MB', target: 3 },
  ];
}

async function statsFigures(root: string): Promise<Figure[]> {
  const sessions = quick ? 300 : 3000;
  const dataDir = await writeManySessions(join(root, 'many'), sessions, 40);
  const repeats = quick ? 3 : 5;
  const bakeoff = join(repoRoot, 'bin', 'bakeoff.js');
  const floorScript = join(here, 'read-all-metadata.js');
  const cli: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < repeats + 1; i++) {
    const c = await timed([bakeoff, 'stats', '--json', '-d', dataDir]);
    const f = await timed([process.execPath, floorScript, join(dataDir, 'sessions')]);
    if (i === 0) continue; // warm-up: the page cache
    cli.push(c);
    floor.push(f);
  }
  // the ratings' share: the same work in a fresh process, with and without the fit and its 200 resamples
  const script = join(here, 'stats-ratings.js');
  const withRatings: number[] = [];
  const withoutRatings: number[] = [];
  for (let i = 0; i < repeats * 2 + 1; i++) {
    const on = await timed([process.execPath, script, join(dataDir, 'sessions'), 'on']);
    const off = await timed([process.execPath, script, join(dataDir, 'sessions'), 'off']);
    if (i === 0) continue;
    withRatings.push(on);
    withoutRatings.push(off);
  }
  return [
    { name: `bakeoff stats --json, ${sessions} sessions x 40 runs`, measured: median(cli), floor: median(floor), unit: 'ms', target: 1.5 },
    { name: `stats with ratings (bootstrap x200) vs without, ${sessions} sessions`, measured: median(withRatings), floor: median(withoutRatings), unit: 'ms', target: 1.2 },
  ];
}

/** `sessions --search` over sessions with content, vs reading and parsing every metadata and content file. */
async function searchFigures(root: string): Promise<Figure[]> {
  const sessions = quick ? 300 : 3000;
  const runs = 40;
  const dataDir = await writeManySessions(join(root, 'search'), sessions, runs);
  const sessionsDir = join(dataDir, 'sessions');
  const needleSession = Math.floor(sessions / 2);
  await writeSearchContent(sessionsDir, runs, needleSession);
  const repeats = quick ? 3 : 5;
  const bakeoff = join(repoRoot, 'bin', 'bakeoff.js');
  const floorScript = join(here, 'read-all-sessions.js');
  // a plain word in one session (most content files are ruled out by their bytes), and a word JSON would escape (each is parsed)
  const queries = { rare: rareWord(needleSession), escaped: 'naïve' };
  const times: Record<keyof typeof queries | 'floor', number[]> = { rare: [], escaped: [], floor: [] };
  for (let i = 0; i < repeats + 1; i++) {
    const rare = await timed([bakeoff, 'sessions', '--search', queries.rare, '--json', '-d', dataDir]);
    const escaped = await timed([bakeoff, 'sessions', '--search', queries.escaped, '--json', '-d', dataDir]);
    const floor = await timed([process.execPath, floorScript, sessionsDir]);
    if (i === 0) continue; // warm-up: the page cache
    times.rare.push(rare);
    times.escaped.push(escaped);
    times.floor.push(floor);
  }
  return [
    { name: `sessions --search (1 hit), ${sessions} sessions x ${runs} runs`, measured: median(times.rare), floor: median(times.floor), unit: 'ms', target: 1.5 },
    // every content file parsed and validated, against a bare JSON.parse of each
    { name: `sessions --search "naïve" (every file parsed), ${sessions} sessions`, measured: median(times.escaped), floor: median(times.floor), unit: 'ms', target: 2 },
  ];
}

async function main(): Promise<number> {
  const root = await mkdtemp(join(tmpdir(), 'bakeoff-bench-'));
  try {
    const figures: Figure[] = [];
    const report = (figure: Figure) => {
      figures.push(figure);
      process.stdout.write(formatFigure(figure) + '\n');
    };
    const frames = await firstFrames(quick ? 3 : 9);
    report({ name: 'first frame: bakeoff vs a bare Ink app', measured: frames.appMs, floor: frames.bareMs, unit: 'ms', target: 1.5 });
    (await recordingFigures(root)).forEach(report);
    (await statsFigures(root)).forEach(report);
    (await searchFigures(root)).forEach(report);
    (await sandboxFigures(root, quick)).forEach(report);
    const keys = await keystrokeLatencies(quick ? 40 : 100);
    report({ name: `keystroke echo p99, 4 models streaming (${keys.length} keys)`, measured: percentile(keys, 99), floor: 1, unit: 'ms', target: 30, absolute: true });
    const missed = figures.filter((figure) => !meets(figure));
    process.stdout.write(`${figures.length} figures, ${missed.length} missed${quick ? ' (quick run: timing is reported, not enforced)' : ''}\n`);
    return missed.length > 0 && !quick ? 1 : 0;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

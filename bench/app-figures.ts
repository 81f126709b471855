// Figures 1 and 5, through the real binary under a pseudo-terminal: the first frame against the smallest
// bundled Ink app, and keystroke echo latency while four demo models stream.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startInPty } from './pty.js';
import { median } from './figures.js';

const BAKEOFF = join(process.cwd(), 'bin', 'bakeoff.js');
const BARE_INK = join(process.cwd(), 'dist', 'bench-bundle', 'bare-ink.js');

async function firstFrameMs(command: string[], shows: string): Promise<number> {
  const start = performance.now();
  const program = startInPty(command);
  try {
    return (await program.waitFor((screen) => screen.includes(shows))) - start;
  } finally {
    program.stop();
  }
}

/** Medians of `runs` spawns each (after one warm-up), alternating so both see the same machine. */
export async function firstFrames(runs: number): Promise<{ appMs: number; bareMs: number }> {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'bakeoff-bench-frame-')), 'data');
  const app: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const a = await firstFrameMs([BAKEOFF, '-d', dataDir, '--models', 'demo/alpha,demo/beta'], 'demo/beta');
    const b = await firstFrameMs([process.execPath, BARE_INK], 'bare ink frame');
    if (i === 0) continue;
    app.push(a);
    bare.push(b);
  }
  return { appMs: median(app), bareMs: median(bare) };
}

/** Time from each key to its echo in the input while a `slow` prompt streams on four demo models. */
export async function keystrokeLatencies(keys: number): Promise<number[]> {
  const dataDir = join(await mkdtemp(join(tmpdir(), 'bakeoff-bench-keys-')), 'data');
  const program = startInPty([BAKEOFF, '-d', dataDir, '--models', 'demo/alpha,demo/beta,demo/gamma,demo/delta'], { BAKEOFF_DEMO_DELAY_MS: '200' });
  try {
    await program.waitFor((screen) => screen.includes('demo/delta'));
    program.write('slow: stream for a while please\r');
    // The models stream for 10 s or more at this delay unit; start typing once they are under way.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const latencies: number[] = [];
    let typed = '';
    // At most 100 keys: the input stays on one line of a 120-column screen, so the echo check can find it.
    for (let i = 0; i < Math.min(keys, 100); i++) {
      const key = String.fromCharCode(97 + (i % 26));
      typed += key;
      const offset = program.output().length;
      const sent = performance.now();
      program.write(key);
      const expected = typed.slice(-12);
      const echoed = await program.waitFor(() => program.textSince(offset).includes(expected), 2_000);
      latencies.push(echoed - sent);
      await new Promise((resolve) => setTimeout(resolve, 20 + (i % 7) * 5));
    }
    // Every key must have been typed while the models were still streaming, or the figure measures an idle app.
    if (program.textSince(0).includes('Pick a response')) throw new Error('the run ended before the keys were typed: slow the demo models down');
    return latencies;
  } finally {
    program.stop();
  }
}


/** Resident memory of the app process with a session resumed and its first frame drawn (after a settle). */
export async function appResidentBytes(dataDir: string, sessionId: string): Promise<number> {
  const program = startInPty([BAKEOFF, '-d', dataDir, '--resume', sessionId]);
  try {
    await program.waitFor((screen) => screen.includes('rewind'), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // `script` runs the app as its child: that child is the node process to measure.
    const pid = await childOf(program.child.pid!);
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } finally {
    program.stop();
  }
}

/** The pid of a child of `parent`, from /proc (no procps needed). */
async function childOf(parent: number): Promise<number> {
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    // the parent pid is the second field after the parenthesised command name
    if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) return Number(name);
  }
  throw new Error(`no child of process ${parent}`);
}

// The built bin/bakeoff.js started in a fresh tmux terminal, after checking dist/ is not older than the sources.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TmuxTerminal } from './tmux.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const bin = join(repo, 'bin', 'bakeoff.js');

/** The test runs the built app: fail loudly, never on stale code. */
export function assertAppBuilt(): void {
  const stale: string[] = [];
  for (const dir of ['src/app', 'src/commands', 'src/editor', 'src/runs', 'src/text', 'components']) {
    for (const name of readdirSync(join(repo, dir))) {
      if (!/\.tsx?$/.test(name)) continue;
      const source = join(repo, dir, name);
      const built = join(repo, 'dist', relative(repo, source).replace(/\.tsx?$/, '.js'));
      if ((statSync(built, { throwIfNoEntry: false })?.mtimeMs ?? -1) < statSync(source).mtimeMs) stale.push(relative(repo, source));
    }
  }
  if (stale.length > 0) throw new Error(`dist/ is older than ${stale.join(', ')}: run \`npm run build\` first`);
}

/** The terminal's size (120×40 unless given). */
export interface TerminalSize {
  columns?: number;
  rows?: number;
}

/** The app in a fresh terminal; CI=false because Ink draws only the last frame when it thinks it is in CI. */
export function launchApp(project: string, data: string, args: string[], env: Record<string, string> = {}, size: TerminalSize = {}): TmuxTerminal {
  const term = new TmuxTerminal();
  const quoted = [bin, '-d', data, ...args].map((a) => `'${a}'`).join(' ');
  const assignments = Object.entries({ CI: 'false', BAKEOFF_DEMO_DELAY_MS: '5', ...env }).map(([name, value]) => `${name}='${value}'`);
  term.start(`cd '${project}' && env ${assignments.join(' ')} '${process.execPath}' ${quoted}`, size.columns, size.rows);
  return term;
}

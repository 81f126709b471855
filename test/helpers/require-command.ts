// A test that needs a program from outside npm (tmux, bubblewrap) fails with one line that says what to
// install, never with a stack trace and never by skipping itself.
import { spawnSync } from 'node:child_process';

export interface Prerequisite {
  /** the program to run */
  command: string;
  /** arguments that make it print its version and exit 0 */
  versionArgs: string[];
  /** how to install it, e.g. `apt-get install tmux (Debian/Ubuntu), brew install tmux (macOS)` */
  install: string;
}

export const tmuxPrerequisite: Prerequisite = {
  command: 'tmux',
  versionArgs: ['-V'],
  install: 'apt-get install tmux (Debian/Ubuntu) or brew install tmux (macOS)',
};

/** Throws a one-line error (no stack) naming the program and how to install it when it does not run. */
export function requireCommand(prerequisite: Prerequisite): void {
  const result = spawnSync(prerequisite.command, prerequisite.versionArgs, { stdio: 'ignore' });
  if (result.status === 0) return;
  const error = new Error(`${prerequisite.command} is required by this test and is not installed: ${prerequisite.install}`);
  error.stack = error.message;
  throw error;
}

export const bwrapPrerequisite: Prerequisite = {
  command: 'bwrap',
  versionArgs: ['--version'],
  install: 'apt-get install bubblewrap (Debian/Ubuntu); .ci/run installs it when missing',
};

export const ccPrerequisite: Prerequisite = {
  command: 'cc',
  versionArgs: ['--version'],
  install: 'apt-get install gcc (Debian/Ubuntu)',
};

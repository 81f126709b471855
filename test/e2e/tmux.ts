// A real terminal for the end-to-end test: a tmux server of its own (never the user's), one session,
// keys sent with send-keys, the screen read with capture-pane.
import { execFileSync } from 'node:child_process';
import { requireCommand, tmuxPrerequisite } from '../helpers/require-command.js';

let tmuxChecked = false;

export class TmuxTerminal {
  private readonly socket = `bakeoff-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly target = 'app';

  /** Runs `command` (a shell line) in a 120×40 terminal; the pane stays after it exits. */
  start(command: string): void {
    if (!tmuxChecked) requireCommand(tmuxPrerequisite);
    tmuxChecked = true;
    this.tmux('new-session', '-d', '-s', this.target, '-x', '120', '-y', '40', `${command}; echo "EXITED $?"; sleep 600`);
  }

  /** Literal text, then optional named keys (Enter, Escape, C-c). */
  type(text: string, ...keys: string[]): void {
    if (text) this.tmux('send-keys', '-t', this.target, '-l', text);
    if (keys.length > 0) this.tmux('send-keys', '-t', this.target, ...keys);
  }

  /** The screen and its scrollback. */
  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.target, '-S', '-500');
  }

  async waitFor(expected: string | RegExp, timeoutMs = 10_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (typeof expected === 'string' ? screen.includes(expected) : expected.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)} on the screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Esc and the next keys must not reach the app in one read (it would see Alt+key): wait for Esc's effect. */
  async waitForGone(text: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.screen().includes(text)) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${text} to go:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

// A real terminal for the end-to-end test: a tmux server of its own (never the user's), one session,
// keys sent with send-keys, the screen read with capture-pane.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { requireCommand, tmuxPrerequisite } from '../helpers/require-command.js';

let tmuxChecked = false;

export class TmuxTerminal {
  private readonly socket = `bakeoff-e2e-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private readonly target = 'app';

  /** Runs `command` (a shell line) in a terminal of `columns`×`rows` (120×40); the pane stays after it exits. */
  start(command: string, columns = 120, rows = 40): void {
    if (!tmuxChecked) requireCommand(tmuxPrerequisite);
    tmuxChecked = true;
    // set-clipboard on: an OSC 52 the app let through would become a tmux buffer, which a test can see
    this.tmux('new-session', '-d', '-s', this.target, '-x', String(columns), '-y', String(rows), `${command}; echo "EXITED $?"; sleep 600`, ';', 'set-option', '-g', 'set-clipboard', 'on');
  }

  /** The pane's title, as an OSC 0/2 sequence would set it. */
  paneTitle(): string {
    return this.tmux('display-message', '-p', '-t', this.target, '#{pane_title}').trimEnd();
  }

  /** tmux's paste buffers, as an OSC 52 sequence would fill them. */
  buffers(): string {
    return this.tmux('list-buffers');
  }

  /** Resize the terminal, as dragging its window does (the app gets SIGWINCH). */
  resize(columns: number, rows: number): void {
    this.tmux('resize-window', '-t', this.target, '-x', String(columns), '-y', String(rows));
  }

  /** Paste `text` as a terminal does: bracketed (`\x1b[200~ … \x1b[201~`) when the app asked for it. */
  paste(text: string, bufferFile: string): void {
    writeFileSync(bufferFile, text);
    this.tmux('load-buffer', '-b', 'e2e', bufferFile);
    this.tmux('paste-buffer', '-p', '-d', '-b', 'e2e', '-t', this.target);
  }

  /** Named keys only (BSpace BSpace …), all in one send-keys: the app reads them in one burst. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.target, ...keys);
  }

  /** The visible screen only, without scrollback; with `escapes`, its colour and style codes too. */
  visible(escapes = false): string {
    return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.target);
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

// Ctrl-C during `bakeoff run`: the first SIGINT cancels the run (the models stop, the checkpoint stays for
// /resume); a second one leaves at once. Exit code 130, as a shell reports a command ended by SIGINT.
export const interruptedExitCode = 130;

export class Interrupt {
  private cancels: (() => void)[] = [];
  private pressed = false;
  private readonly onSignal = (): void => {
    if (this.pressed) process.exit(interruptedExitCode);
    this.pressed = true;
    for (const cancel of this.cancels.splice(0)) cancel();
  };

  constructor() {
    process.on('SIGINT', this.onSignal);
  }

  get interrupted(): boolean {
    return this.pressed;
  }

  /** `cancel` runs on the first SIGINT, or at once when it has come already. */
  onInterrupt(cancel: () => void): void {
    if (this.pressed) cancel();
    else this.cancels.push(cancel);
  }

  dispose(): void {
    process.off('SIGINT', this.onSignal);
  }
}

// The live lines of `bakeoff run` on a terminal's stderr: one per model (spinner, status, elapsed, tokens),
// redrawn in place by log-update; the final state stays on screen. Not used when stderr is not a terminal.
import { createLogUpdate } from 'log-update';
import cliSpinners from 'cli-spinners';
import type { LiveModel, LiveRun } from '../../runs/types.js';
import { formatDurationMs, formatUsd, truncate } from '../format.js';
import { visibleLine } from '../../text/visible-text.js';
import { disguised, type BlindLabels } from '../../session/blind-labels.js';

const spinner = cliSpinners.dots;

export class ProgressLines {
  private readonly log: ReturnType<typeof createLogUpdate>;
  private readonly ticker: NodeJS.Timeout;
  private live: LiveRun | null = null;
  private labels: BlindLabels | null = null;
  private frame = 0;
  private stopped = false;

  constructor(stream: NodeJS.WriteStream) {
    this.log = createLogUpdate(stream);
    // the spinner and the elapsed times move even while no model reports
    this.ticker = setInterval(() => {
      this.frame = (this.frame + 1) % spinner.frames.length;
      this.draw();
    }, spinner.interval);
    this.ticker.unref();
  }

  /** Blind mode: the lines call the models by their labels, in label order, names masked in their errors. */
  disguise(labels: BlindLabels | null): void {
    this.labels = labels;
  }

  update(run: LiveRun): void {
    this.live = run;
    this.draw();
  }

  /** The last state stays on screen; later output goes below it. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.ticker);
    this.draw(true);
    this.log.done();
  }

  private draw(final = false): void {
    if (!this.live || (this.stopped && !final)) return;
    const models = this.labels ? disguised(this.labels, this.live.models) : this.live.models;
    const width = Math.max(0, ...models.map((model) => [...visibleLine(model.modelId)].length));
    const now = Date.now();
    this.log(models.map((model) => progressLine(model, width, spinner.frames[this.frame], now)).join('\n'));
  }
}

const marks: Record<Exclude<LiveModel['status'], 'running'>, string> = { done: '✔', failed: '✖', cancelled: '■' };

export function progressLine(model: LiveModel, idWidth: number, spinnerFrame: string, now: number): string {
  const { status: state } = model;
  const running = state === 'running';
  const elapsed = running ? now - model.startedAt : model.elapsedMs;
  const mark = state === 'running' ? spinnerFrame : marks[state];
  const status = model.resumed ? 'kept' : state;
  const facts = [formatDurationMs(Math.max(0, elapsed)), `${model.inputTokens}→${model.outputTokens} tok`];
  if (model.costUsd !== null && model.costUsd > 0) facts.push(formatUsd(model.costUsd));
  if (model.proposedWrites.length > 0) facts.push(`${model.proposedWrites.length} write(s)`);
  if (model.error) facts.push(truncate(visibleLine(model.error), 60));
  const id = visibleLine(model.modelId);
  return `${mark} ${id}${' '.repeat(Math.max(0, idWidth - [...id].length))}  ${status.padEnd(9)} ${facts.join(' · ')}`;
}

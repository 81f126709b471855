// One model's agent loop, the same for demo and real models: stream a turn, run its tool calls
// (reads at once, writes as proposals), feed the results back, until the model stops, max_steps,
// the timeout, an error, or Esc. Partial text and tokens survive every kind of ending.
import type { EventEntry, FileWrite, StopReason } from '../../store/index.js';
import { formatDuration } from '../../store/index.js';
import type { ChatMessage, ModelAdapter, ToolCallRequest, TurnUsage } from './model-adapter.js';
import type { ModelPricing } from './prices.js';
import { isContextOverflow } from './sdk-messages.js';
import { callChars, estimateMessagesTokens, tokensForChars } from './token-estimate.js';
import type { Toolbox } from './tools/tool-registry.js';
import { ProposedFiles } from './tools/proposed-files.js';
import type { RunSandbox } from './sandbox/run-sandbox.js';
import { runToolCall } from './tools/run-tool-call.js';
import type { ToolContext } from './tools/tool-types.js';

export interface AgentRequest {
  adapter: ModelAdapter;
  system: string;
  /** the model's own history, then the prompt */
  messages: ChatMessage[];
  toolbox: Toolbox;
  projectRoot: string;
  /** bakeoff's data directory: no tool may read or change it, even inside the project */
  dataDirs: string[];
  /** where the model's bash runs (and its layer comes from); null = no bash in this run */
  sandbox: RunSandbox | null;
  maxSteps: number;
  timeoutMs: number;
  bashTimeoutMs: number;
  /** Esc */
  signal: AbortSignal;
  pricing: ModelPricing;
  verbose: boolean;
}

export interface AgentProgress {
  text: string;
  events: EventEntry[];
  inputTokens: number;
  outputTokens: number;
  reasoningTokens: number;
  /** null when the model's price is unknown */
  costUsd: number | null;
  proposedWrites: FileWrite[];
  toolCalls: Record<string, number>;
  steps: number;
  /** the tokens and cost include an estimate (a turn still streaming, or one the endpoint reported no usage for) */
  estimated: boolean;
}

export interface AgentOutcome extends AgentProgress {
  stopReason: StopReason;
  error?: string;
  interrupted: boolean;
  latencyMs: number;
}

export interface AgentObserver {
  /** text, tokens or events moved (called often; the caller throttles rendering) */
  progressed(progress: AgentProgress): void;
  /** a turn and its tool calls are done: the moment to checkpoint */
  turnEnded(progress: AgentProgress): void;
}

/** A model that sends nothing but malformed tool calls this many turns in a row has failed. */
const maxMalformedTurns = 3;

/** The error Errata records for a model stopped by Esc: Go's context.Canceled. */
export const CONTEXT_CANCELED = 'context canceled';

export function runAgent(request: AgentRequest, observer: AgentObserver): Promise<AgentOutcome> {
  return new AgentLoop(request, observer).run();
}

class AgentLoop {
  private readonly finishedTexts: string[] = [];
  private readonly events: EventEntry[] = [];
  private readonly toolCalls: Record<string, number> = {};
  private readonly files: ProposedFiles;
  private usage = { input: 0, output: 0, reasoning: 0 };
  private cost: number | null = 0;
  /** a settled turn's usage was estimated: the endpoint reported none (a cut turn, or no usage event) */
  private estimatedUsage = false;
  private steps = 0;
  private usageDoubted = false;
  /** the turn being streamed: its text, calls and estimated input so far */
  private inFlight: { text: string; calls: ToolCallRequest[]; inputTokens: number } | null = null;

  constructor(
    private readonly request: AgentRequest,
    private readonly observer: AgentObserver,
  ) {
    this.files = new ProposedFiles(request.projectRoot, request.dataDirs, request.sandbox);
  }

  async run(): Promise<AgentOutcome> {
    const started = performance.now();
    const { request } = this;
    const deadline = new AbortController();
    const timer = request.timeoutMs > 0 ? setTimeout(() => deadline.abort(new Error('timeout')), request.timeoutMs) : undefined;
    const signal = AbortSignal.any([request.signal, deadline.signal]);
    let ending: { stopReason: StopReason; error?: string; interrupted: boolean } = { stopReason: 'complete', interrupted: false };
    try {
      ending = await this.loop(signal);
    } catch (error) {
      if (request.signal.aborted) {
        // Errata's words for a model stopped by Esc (Go's context.Canceled), in the checkpoint and the response
        ending = { stopReason: 'cancelled', error: CONTEXT_CANCELED, interrupted: true };
      } else if (deadline.signal.aborted) {
        ending = { stopReason: 'timeout', error: `timed out after ${formatDuration(request.timeoutMs)}`, interrupted: false };
      } else {
        const message = error instanceof Error ? error.message : String(error);
        ending = { stopReason: isContextOverflow(message) ? 'context_overflow' : 'error', error: message, interrupted: false };
      }
      // a turn cut short still cost what it streamed (estimated); a request refused outright cost nothing
      const cut = this.inFlight;
      if (cut && (cut.text || cut.calls.length > 0)) this.settle(null);
      if (cut) this.finishedTexts.push(cut.text);
      this.inFlight = null;
    } finally {
      clearTimeout(timer);
    }
    if (ending.error && !ending.interrupted) this.events.push({ type: 'error', data: ending.error });
    // the proposal is the layer's final difference from the project; the layer goes
    const proposedWrites = await this.files.finish().catch((error: unknown) => {
      this.events.push({ type: 'error', data: `could not read the model's layer: ${error instanceof Error ? error.message : String(error)}` });
      return [];
    });
    const leftOut = this.files.notProposed();
    if (leftOut.length > 0) this.events.push({ type: 'error', data: `not part of the proposal (links, binary or big files): ${leftOut.slice(0, 20).join(', ')}${leftOut.length > 20 ? ', …' : ''}` });
    return { ...this.progress(), proposedWrites, ...ending, latencyMs: Math.round(performance.now() - started) };
  }

  private async loop(signal: AbortSignal): Promise<{ stopReason: StopReason; error?: string; interrupted: boolean }> {
    const { request } = this;
    const messages = [...request.messages];
    const context: ToolContext = {
      root: request.projectRoot,
      files: this.files,
      signal,
      bash: { prefixes: request.toolbox.bashPrefixes, timeoutMs: request.bashTimeoutMs },
      web: request.toolbox.web,
    };
    let malformedTurns = 0;
    for (let step = 1; ; step++) {
      const turn = await this.streamTurn(messages, signal, step);
      if (turn.calls.length === 0) return { stopReason: 'complete', interrupted: false };
      messages.push({ role: 'assistant', content: turn.text, toolCalls: turn.calls });
      const results = [];
      let malformed = 0;
      for (const call of turn.calls) {
        const outcome = await runToolCall(request.toolbox, call, context);
        this.toolCalls[call.name] = (this.toolCalls[call.name] ?? 0) + 1;
        this.events.push(outcome.event);
        if (outcome.invalid) malformed++;
        results.push(outcome.result);
        this.observer.progressed(this.progress());
      }
      messages.push({ role: 'tool', results });
      this.observer.turnEnded(this.progress());
      malformedTurns = malformed === turn.calls.length ? malformedTurns + 1 : 0;
      if (malformedTurns >= maxMalformedTurns) {
        const last = results.at(-1)?.output ?? '';
        return { stopReason: 'error', error: `gave up after ${maxMalformedTurns} turns of malformed tool calls; the last: ${last}`, interrupted: false };
      }
      if (step >= request.maxSteps) return { stopReason: 'max_steps', interrupted: false };
    }
  }

  private async streamTurn(messages: ChatMessage[], signal: AbortSignal, step: number): Promise<{ text: string; calls: ToolCallRequest[] }> {
    const { request } = this;
    if (request.verbose) this.events.push({ type: 'request', data: `turn ${step}: ${messages.length} messages, ${request.toolbox.specs.length} tools` });
    const turn = { text: '', calls: [] as ToolCallRequest[], inputTokens: estimateMessagesTokens(messages, request.system) };
    this.inFlight = turn;
    let usage: TurnUsage | null = null;
    const events = request.adapter.streamTurn({ system: request.system, messages: [...messages], tools: request.toolbox.specs, signal, purpose: 'answer' });
    for await (const event of events) {
      if (event.type === 'text-delta') {
        turn.text += event.text;
        this.observer.progressed(this.progress());
      } else if (event.type === 'tool-call') {
        turn.calls.push(event.call);
      } else {
        usage = event.usage;
        // said once per model and run: the numbers are estimates from here on
        if (event.usageProblem && !this.usageDoubted) {
          this.usageDoubted = true;
          this.events.push({ type: 'error', data: event.usageProblem });
        }
      }
    }
    signal.throwIfAborted();
    this.steps = step;
    this.settle(usage);
    this.finishedTexts.push(turn.text);
    this.inFlight = null;
    if (turn.text) this.events.push({ type: 'text', data: turn.text });
    return { text: turn.text, calls: turn.calls };
  }

  /** Adds the in-flight turn's usage (estimated when the endpoint reported none) to the totals. */
  private settle(usage: TurnUsage | null): void {
    if (usage === null) this.estimatedUsage = true;
    const turnUsage = usage ?? this.estimatedInFlightUsage();
    this.usage = {
      input: this.usage.input + turnUsage.inputTokens,
      output: this.usage.output + turnUsage.outputTokens,
      reasoning: this.usage.reasoning + (turnUsage.reasoningTokens ?? 0),
    };
    const turnCost = this.request.pricing.cost(turnUsage);
    this.cost = this.cost === null || turnCost === null ? null : this.cost + turnCost;
  }

  private estimatedInFlightUsage(): TurnUsage {
    const turn = this.inFlight;
    if (!turn) return { inputTokens: 0, outputTokens: 0 };
    return { inputTokens: turn.inputTokens, outputTokens: tokensForChars(turn.text.length + turn.calls.reduce((n, c) => n + callChars(c), 0)) };
  }

  progress(): AgentProgress {
    const turn = this.inFlight;
    const estimate = this.estimatedInFlightUsage();
    const liveCost = turn && this.cost !== null ? this.request.pricing.cost(estimate) : 0;
    return {
      text: [...this.finishedTexts, ...(turn ? [turn.text] : [])].filter((text) => text !== '').join('\n\n'),
      events: [...this.events],
      inputTokens: this.usage.input + (turn ? estimate.inputTokens : 0),
      outputTokens: this.usage.output + (turn ? estimate.outputTokens : 0),
      reasoningTokens: this.usage.reasoning,
      costUsd: this.cost === null || liveCost === null ? null : this.cost + liveCost,
      proposedWrites: this.files.writes(),
      toolCalls: { ...this.toolCalls },
      steps: this.steps,
      estimated: this.estimatedUsage || turn !== null,
    };
  }
}

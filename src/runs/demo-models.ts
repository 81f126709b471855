// The built-in demo models: no key, no network, deterministic, yet they go through the same adapter
// interface, agent loop and tool path as real models (their writes are real write_file calls).
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatMessage, ModelAdapter, ToolCallRequest, ToolResult, TurnEvent, TurnRequest } from './model-adapter.js';
import { quotePrompt, readDemoPrompt, type DemoChange } from './demo-prompt.js';
import { callChars, estimateMessagesTokens, tokensForChars } from './token-estimate.js';

interface DemoProfile {
  /** usual latency in units of BAKEOFF_DEMO_DELAY_MS (alpha fastest) */
  latencyUnits: number;
  /** how long a `slow` prompt streams, in the same units (about 6 s by default) */
  slowUnits: number;
  proposes: (change: DemoChange) => DemoChange | null;
  failsOnRequest: boolean;
}

const demoProfiles: Record<string, DemoProfile> = {
  alpha: { latencyUnits: 2, slowUnits: 50, proposes: (change) => change, failsOnRequest: false },
  beta: {
    latencyUnits: 3,
    slowUnits: 60,
    proposes: (change) => (change.kind === 'write' ? { ...change, text: change.text.toUpperCase() } : change),
    failsOnRequest: false,
  },
  gamma: { latencyUnits: 4, slowUnits: 70, proposes: () => null, failsOnRequest: true },
  // Not in the default recipe: a fourth panel for wide layouts and the keystroke benchmark.
  delta: { latencyUnits: 5, slowUnits: 60, proposes: () => null, failsOnRequest: false },
};

export const demoModelIds = Object.keys(demoProfiles).map((name) => `demo/${name}`);

/** Small on purpose, so that auto-compaction can be seen on the demo models. */
export const demoContextWindow = 8_000;

const defaultDelayUnitMs = 100;

/** BAKEOFF_DEMO_DELAY_MS sets the time unit of every demo delay (100 ms unless set; tests use a few ms). */
function delayUnitMs(): number {
  const raw = process.env.BAKEOFF_DEMO_DELAY_MS;
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : defaultDelayUnitMs;
}

export function isDemoModel(name: string): boolean {
  return Object.hasOwn(demoProfiles, name);
}

export function createDemoAdapter(name: string): ModelAdapter {
  const profile = demoProfiles[name];
  if (!profile) throw new Error(`unknown demo model demo/${name}: the demo models are ${demoModelIds.join(', ')}`);
  const id = `demo/${name}`;
  return { id, streamTurn: (request) => demoTurn(id, profile, request) };
}

async function* demoTurn(id: string, profile: DemoProfile, request: TurnRequest): AsyncGenerator<TurnEvent> {
  const unit = delayUnitMs();
  const last = request.messages.at(-1);
  const prompt = lastUserPrompt(request.messages);
  const demo = readDemoPrompt(prompt);
  let text: string;
  let calls: ToolCallRequest[] = [];
  if (request.purpose === 'summary') {
    text = demoSummary(id, request.messages);
  } else if (last?.role === 'tool') {
    text = reportResults(last.results);
  } else {
    if (profile.failsOnRequest && demo.fail) {
      await sleep(profile.latencyUnits * unit, undefined, { signal: request.signal });
      throw new Error(`${id} failed on purpose: the prompt contains "fail"`);
    }
    calls = demo.changes.flatMap((change, index) => {
      const proposed = profile.proposes(change);
      return proposed ? [toolCallFor(proposed, index)] : [];
    });
    text = `[${id}] You asked: "${quotePrompt(prompt)}".${calls.length > 0 ? ` Proposing ${plural(calls.length, 'change')}.` : ''}`;
  }
  const slow = demo.slow && request.purpose === 'answer' && last?.role !== 'tool';
  const durationMs = (slow ? profile.slowUnits : profile.latencyUnits) * unit;
  yield* streamSlices(text, slow ? 20 : 4, durationMs, request.signal);
  for (const call of calls) yield { type: 'tool-call', call };
  const outputChars = text.length + calls.reduce((n, c) => n + callChars(c), 0);
  yield {
    type: 'finish',
    // the system prompt counts, as it does for a real endpoint (and in the estimate of a turn cut short)
    usage: { inputTokens: estimateMessagesTokens(request.messages, request.system), outputTokens: tokensForChars(outputChars) },
    finishReason: calls.length > 0 ? 'tool-calls' : 'stop',
  };
}

/** The text in `parts` deltas spread evenly over `durationMs`. */
async function* streamSlices(text: string, parts: number, durationMs: number, signal: AbortSignal): AsyncGenerator<TurnEvent> {
  const chars = [...text];
  const size = Math.ceil(chars.length / parts);
  for (let i = 0; i < parts; i++) {
    await sleep(durationMs / parts, undefined, { signal });
    const slice = chars.slice(i * size, (i + 1) * size).join('');
    if (slice !== '') yield { type: 'text-delta', text: slice };
  }
}

function toolCallFor(change: DemoChange, index: number): ToolCallRequest {
  const id = `demo_call_${index + 1}`;
  if (change.kind === 'delete') return { id, name: 'delete_file', input: { path: change.path } };
  if (change.kind === 'run') return { id, name: 'bash', input: { command: change.command } };
  return { id, name: 'write_file', input: { path: change.path, content: change.text } };
}

function reportResults(results: ToolResult[]): string {
  const proposed = results.filter((r) => !r.isError).length;
  const lines = proposed > 0 ? [`Proposed ${plural(proposed, 'change')}.`] : [];
  for (const r of results.filter((r) => r.isError)) lines.push(`Could not use ${r.name}: ${r.output}`);
  return lines.join('\n');
}

function lastUserPrompt(messages: readonly ChatMessage[]): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (message.role === 'user') return message.content;
  }
  return '';
}

/** A deterministic summary: how many turns, and every earlier prompt quoted. */
function demoSummary(id: string, messages: readonly ChatMessage[]): string {
  const earlier = messages.slice(0, -1);
  const prompts = earlier.flatMap((m) => (m.role === 'user' ? [`"${quotePrompt(m.content, 60)}"`] : []));
  const asked = prompts.length > 0 ? ` The user asked: ${prompts.join('; ')}.` : '';
  return `[${id}] Summary of ${plural(earlier.length, 'earlier turn')}.${asked}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

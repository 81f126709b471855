// A real HTTP server on 127.0.0.1 that plays a model: each request gets the next scripted reply,
// rendered in the OpenAI chat-completions SSE format or the Anthropic Messages SSE format.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export type WireFormat = 'openai' | 'anthropic';

export interface ScriptedToolCall {
  id: string;
  name: string;
  /** the raw JSON text of the arguments (may be malformed on purpose) */
  args: string;
}

export type Reply =
  | {
      kind: 'stream';
      text?: string[];
      toolCalls?: ScriptedToolCall[];
      usage?: { input: number; output: number };
      /** pause before each text piece, so streaming can be seen */
      delayMs?: number;
      /** after the text, hold the connection open and send nothing more */
      stall?: boolean;
    }
  | { kind: 'status'; status: number; message: string };

export interface RecordedRequest {
  path: string;
  body: Record<string, unknown>;
}

export interface FakeModelServer {
  baseURL: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** `replies` are used in order; once they run out the last one repeats. A function decides per request. */
export async function startFakeModelServer(format: WireFormat, replies: Reply[] | ((request: RecordedRequest, index: number) => Reply)): Promise<FakeModelServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = { path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> };
    requests.push(request);
    const index = requests.length - 1;
    const reply = typeof replies === 'function' ? replies(request, index) : replies[Math.min(index, replies.length - 1)];
    if (reply.kind === 'status') {
      res.writeHead(reply.status, { 'content-type': 'application/json', 'retry-after-ms': '1' });
      res.end(JSON.stringify(format === 'openai' ? { error: { message: reply.message, type: 'server_error' } } : { type: 'error', error: { type: 'api_error', message: reply.message } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const model = String(request.body.model ?? 'model');
    const events = format === 'openai' ? openAiEvents(reply, model) : anthropicEvents(reply, model);
    for (const event of events) {
      if (event.pause) await sleep(event.pause);
      if (event.stall) return; // never ends; close() destroys the socket
      if (res.destroyed) return;
      res.write(event.data);
    }
    res.end();
  }
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

interface WireEvent {
  data: string;
  pause?: number;
  stall?: boolean;
}

function openAiEvents(reply: Extract<Reply, { kind: 'stream' }>, model: string): WireEvent[] {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null): WireEvent => ({
    data: `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`,
  });
  const events: WireEvent[] = [chunk({ role: 'assistant', content: '' })];
  for (const piece of reply.text ?? []) events.push({ ...chunk({ content: piece }), pause: reply.delayMs });
  if (reply.stall) return [...events, { data: '', stall: true }];
  (reply.toolCalls ?? []).forEach((call, index) => {
    events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
    events.push(chunk({ tool_calls: [{ index, function: { arguments: call.args } }] }));
  });
  events.push(chunk({}, reply.toolCalls?.length ? 'tool_calls' : 'stop'));
  if (reply.usage) {
    const usage = { prompt_tokens: reply.usage.input, completion_tokens: reply.usage.output, total_tokens: reply.usage.input + reply.usage.output };
    events.push({ data: `data: ${JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion.chunk', created: 1_700_000_000, model, choices: [], usage })}\n\n` });
  }
  events.push({ data: 'data: [DONE]\n\n' });
  return events;
}

function anthropicEvents(reply: Extract<Reply, { kind: 'stream' }>, model: string): WireEvent[] {
  const event = (type: string, body: Record<string, unknown>): WireEvent => ({ data: `event: ${type}\ndata: ${JSON.stringify({ type, ...body })}\n\n` });
  const events: WireEvent[] = [
    event('message_start', {
      message: { id: 'msg_test', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: reply.usage?.input ?? 0, output_tokens: 1 } },
    }),
  ];
  let index = 0;
  if (reply.text?.length) {
    events.push(event('content_block_start', { index, content_block: { type: 'text', text: '' } }));
    for (const piece of reply.text) events.push({ ...event('content_block_delta', { index, delta: { type: 'text_delta', text: piece } }), pause: reply.delayMs });
    if (reply.stall) return [...events, { data: '', stall: true }];
    events.push(event('content_block_stop', { index }));
    index++;
  } else if (reply.stall) {
    return [...events, { data: '', stall: true }];
  }
  for (const call of reply.toolCalls ?? []) {
    events.push(event('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }));
    events.push(event('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: call.args } }));
    events.push(event('content_block_stop', { index }));
    index++;
  }
  const stopReason = reply.toolCalls?.length ? 'tool_use' : 'end_turn';
  events.push(event('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: reply.usage?.output ?? 0 } }));
  events.push(event('message_stop', {}));
  return events;
}

/** The tool results a request sends back to the model, in either format, as text. */
export function toolResultsIn(format: WireFormat, body: Record<string, unknown>): string[] {
  const messages = (body.messages ?? []) as { role: string; content: unknown }[];
  if (format === 'openai') return messages.filter((m) => m.role === 'tool').map((m) => textOf(m.content));
  return messages.flatMap((m) =>
    Array.isArray(m.content) ? (m.content as { type: string; content?: unknown }[]).filter((block) => block.type === 'tool_result').map((block) => textOf(block.content)) : [],
  );
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '')).join('');
  return JSON.stringify(content);
}

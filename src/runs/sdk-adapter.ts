// Real models through the AI SDK: one streamText call per turn, tools without `execute`, so the
// SDK streams and parses while bakeoff's loop decides. The SDKs are imported on first use.
import type { LanguageModel } from 'ai';
import type { ModelAdapter, TurnEvent, TurnRequest, TurnUsage } from './model-adapter.js';
import type { ProviderSettings } from './provider-settings.js';
import { describeModelError, toModelMessages, toSdkTools } from './sdk-messages.js';
import { checkedUsage } from './usage-check.js';

/** The SDK's own retry of a 429 or 5xx before the model counts as failed (it honours retry-after). */
const maxRetries = 2;

export function createSdkAdapter(id: string, model: string, settings: ProviderSettings): ModelAdapter {
  let languageModel: Promise<LanguageModel> | undefined;
  return {
    id,
    streamTurn(request) {
      languageModel ??= createLanguageModel(model, settings);
      return sdkTurn(languageModel, request);
    },
  };
}

async function createLanguageModel(model: string, settings: ProviderSettings): Promise<LanguageModel> {
  const { baseURL, apiKey } = settings;
  if (settings.wire === 'openai') {
    const { createOpenAI } = await import('@ai-sdk/openai');
    // Chat Completions, not Responses: it is what every OpenAI-compatible server speaks.
    return createOpenAI({ baseURL, apiKey }).chat(model);
  }
  if (settings.wire === 'anthropic') {
    const { createAnthropic } = await import('@ai-sdk/anthropic');
    return createAnthropic({ baseURL, apiKey })(model);
  }
  const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
  return createOpenAICompatible({ name: settings.name, baseURL: baseURL ?? '', apiKey, includeUsage: true }).chatModel(model);
}

async function* sdkTurn(languageModel: Promise<LanguageModel>, request: TurnRequest): AsyncGenerator<TurnEvent> {
  const [{ streamText, jsonSchema }, model] = await Promise.all([import('ai'), languageModel]);
  const result = streamText({
    model,
    system: request.system || undefined,
    messages: toModelMessages(request.messages),
    tools: request.tools.length > 0 ? toSdkTools(request.tools, jsonSchema) : undefined,
    abortSignal: request.signal,
    maxRetries,
    // errors arrive as stream parts below; the default handler would print them over the UI
    onError: () => undefined,
  });
  let usage: TurnUsage | null = null;
  let finishReason = 'other';
  for await (const part of result.fullStream) {
    switch (part.type) {
      case 'text-delta':
        yield { type: 'text-delta', text: part.text };
        break;
      case 'tool-call':
        yield {
          type: 'tool-call',
          call: { id: part.toolCallId, name: part.toolName, input: part.input, inputError: part.invalid ? describeModelError(part.error) : undefined },
        };
        break;
      case 'finish-step':
        usage = usageFrom(part.usage);
        finishReason = part.finishReason;
        break;
      case 'error':
        throw new Error(describeModelError(part.error), { cause: part.error });
      case 'abort':
        throw request.signal.reason ?? new Error('aborted');
      default:
        break;
    }
  }
  // provider numbers are untrusted: an implausible count makes the turn's usage unknown (estimated)
  const checked = checkedUsage(usage);
  yield { type: 'finish', usage: checked.usage, finishReason, usageProblem: checked.problem ?? undefined };
}

interface SdkUsage {
  inputTokens: number | undefined;
  outputTokens: number | undefined;
  inputTokenDetails?: { cacheReadTokens: number | undefined; cacheWriteTokens: number | undefined };
  outputTokenDetails?: { reasoningTokens: number | undefined };
}

/** null when the endpoint sent no usage at all (then the loop estimates). */
function usageFrom(usage: SdkUsage): TurnUsage | null {
  if (usage.inputTokens === undefined && usage.outputTokens === undefined) return null;
  return {
    inputTokens: usage.inputTokens ?? 0,
    outputTokens: usage.outputTokens ?? 0,
    reasoningTokens: usage.outputTokenDetails?.reasoningTokens,
    cacheReadTokens: usage.inputTokenDetails?.cacheReadTokens,
    cacheWriteTokens: usage.inputTokenDetails?.cacheWriteTokens,
  };
}

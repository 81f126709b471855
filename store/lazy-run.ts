// A loaded run whose model answers are decoded only when something reads them: a big session keeps
// its old runs as the bytes read (needed anyway to save without re-encoding), not twice over.
import { adoptEncoding } from './json-cache.js';
import { runContentSchema } from './schemas.js';
import type { ModelRunContent, RunContent } from './schemas.js';

/** The run at `bytes` was validated at load; the returned record decodes `models` from them on first read. */
export function lazyRunContent(run: Pick<RunContent, 'prompt' | 'prompt_hash'>, bytes: Buffer): RunContent {
  let models: ModelRunContent[] | null = null;
  const record = { prompt: run.prompt, prompt_hash: run.prompt_hash } as RunContent;
  Object.defineProperty(record, 'models', {
    enumerable: true,
    get: () => (models ??= runContentSchema.parse(JSON.parse(bytes.toString('utf8'))).models),
  });
  adoptEncoding(record, bytes);
  return record;
}

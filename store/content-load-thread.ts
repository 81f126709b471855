// Loading a big session off the main thread (content-load-worker.ts): the app stays responsive, and the
// garbage of parsing tens of megabytes never grows this thread's heap, so an open session costs about
// its size on disk. Small files, and runs from the sources (tests), load in this thread.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SessionContent } from './schemas.js';
import { contentFromSkeleton } from './content-load.js';
import type { ScanReply } from './content-load-worker.js';
import { DataFileError } from './errors.js';
import { UnparsableFileError } from './read-json.js';
import { loadContent } from './session-files.js';

/** Below this a worker's start-up costs more than the garbage it keeps away. */
export const OFF_THREAD_FROM_BYTES = 8 * 1024 * 1024;

/** The worker script beside this module: built next to it by tsc, and among the bundle's chunks. */
function workerScript(): string | null {
  for (const relative of ['./content-load-worker.js', './chunks/content-load-worker.js']) {
    const path = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(path)) return path;
  }
  return null;
}

/** The Store's content load: as loadContent, in a worker thread when the file is big. */
export async function loadContentForStore(path: string): Promise<SessionContent | null> {
  const size = (await stat(path).catch(() => null))?.size ?? 0;
  const script = size >= OFF_THREAD_FROM_BYTES ? workerScript() : null;
  if (!script) return loadContent(path);
  const reply = await new Promise<ScanReply>((resolve, reject) => {
    // execArgv: [] so flags of this process that only make sense for it (`-e`, `--input-type`) do not stop the worker
    const worker = new Worker(script, { workerData: { path }, execArgv: [] });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the worker loading ${path} stopped with exit code ${code}`)));
  });
  if (reply.kind === 'missing') return null;
  if (reply.kind === 'failed') throw reply.unparsable ? new UnparsableFileError(path, reply.reason) : new DataFileError(path, reply.reason);
  return contentFromSkeleton(Buffer.from(reply.buffer, reply.byteOffset, reply.length), reply.skeleton);
}

// A worker thread of content-load-thread.ts: reads and validates a big session_content.json, so the garbage
// of parsing it lives and dies in this thread's heap, and hands back the bytes (moved, not copied) and where
// everything is in them.
import { parentPort, workerData } from 'node:worker_threads';
import { readBytes, UnparsableFileError } from './read-json.js';
import { scanContent } from './content-load.js';
import type { ContentSkeleton } from './content-load.js';

export type ScanReply =
  | { kind: 'missing' }
  | { kind: 'scanned'; buffer: ArrayBuffer; byteOffset: number; length: number; skeleton: ContentSkeleton }
  | { kind: 'failed'; unparsable: boolean; reason: string };

async function scan(path: string): Promise<{ reply: ScanReply; transfer: ArrayBuffer[] }> {
  try {
    const bytes = await readBytes(path);
    if (!bytes) return { reply: { kind: 'missing' }, transfer: [] };
    const skeleton = scanContent(path, bytes);
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
    return { reply: { kind: 'scanned', buffer, byteOffset: 0, length: bytes.byteLength, skeleton }, transfer: [buffer] };
  } catch (error) {
    const reason = error instanceof Error && 'reason' in error ? String(error.reason) : String(error);
    return { reply: { kind: 'failed', unparsable: error instanceof UnparsableFileError, reason }, transfer: [] };
  }
}

const { reply, transfer } = await scan((workerData as { path: string }).path);
parentPort?.postMessage(reply, transfer);

// Reading a data file: missing means empty (null), anything unusable is a DataFileError naming the file.
import { readFile, stat } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import type { z } from 'zod';
import { DataFileError } from './errors.js';

/** The largest file we try to parse: a quarter of the heap, and never past V8's longest string. */
export const MAX_JSON_FILE_BYTES = Math.min(Math.floor(getHeapStatistics().heap_size_limit / 4), 500 * 1024 * 1024);

/** A file that exists but does not parse (bad JSON, a field of the wrong shape): it is moved aside, never overwritten. */
export class UnparsableFileError extends DataFileError {
  constructor(path: string, reason: string) {
    super(path, reason);
    this.name = 'UnparsableFileError';
  }
}

export interface ReadJson<T> {
  value: T;
  bytes: Buffer;
}

export async function readJsonFile<S extends z.ZodType>(path: string, schema: S): Promise<ReadJson<z.output<S>> | null> {
  const bytes = await readBytes(path);
  if (!bytes) return null;
  return { value: parseJsonBytes(path, bytes, schema), bytes };
}

export async function readBytes(path: string): Promise<Buffer | null> {
  try {
    const { size } = await stat(path);
    if (size > MAX_JSON_FILE_BYTES) {
      throw new DataFileError(path, `too large to open (${size} bytes; the limit here is ${MAX_JSON_FILE_BYTES})`);
    }
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    if (error instanceof DataFileError) throw error;
    throw new DataFileError(path, `cannot read: ${(error as Error).message}`);
  }
}

export function parseJsonBytes<S extends z.ZodType>(path: string, bytes: Buffer, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UnparsableFileError(path, `not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UnparsableFileError(path, DataFileError.fromZod(path, parsed.error).reason);
  return parsed.data;
}

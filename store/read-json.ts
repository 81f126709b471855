// Reading a data file: missing means empty (null), anything unusable is a DataFileError naming the file.
import fs from 'node:fs';
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

/**
 * The file's bytes, or null when it is missing. Callback fs under one Promise: listing thousands of
 * sessions spends its time here, and FileHandle promises cost several times more on the main thread.
 * Opened without blocking, never through a link, and read only as a regular file: a repository's data/
 * may hold a named pipe (which would hang every command that lists sessions) or a link to a secret.
 */
export function readBytes(path: string, maxBytes = MAX_JSON_FILE_BYTES): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const fail = (error: NodeJS.ErrnoException | DataFileError) =>
      reject(error instanceof DataFileError ? error : new DataFileError(path, `cannot read: ${error.message}`));
    fs.open(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | fs.constants.O_NOFOLLOW, (openError, fd) => {
      if (openError?.code === 'ELOOP') return fail(new DataFileError(path, 'cannot read: it is a symbolic link, and bakeoff never reads a data file through one'));
      if (openError) return openError.code === 'ENOENT' ? resolve(null) : fail(openError);
      const finish = (error: NodeJS.ErrnoException | DataFileError | null, bytes?: Buffer) =>
        fs.close(fd, () => (error ? fail(error) : resolve(bytes ?? null)));
      fs.fstat(fd, (statError, stats) => {
        if (statError) return finish(statError);
        if (!stats.isFile()) return finish(new DataFileError(path, 'cannot read: not a regular file'));
        if (stats.size > maxBytes) {
          return finish(new DataFileError(path, `too large to open (${stats.size} bytes; the limit here is ${maxBytes})`));
        }
        readAll(fd, Buffer.allocUnsafe(stats.size), 0, finish);
      });
    });
  });
}

/** Reads until the buffer is full or the file ends (it may have shrunk since fstat). */
function readAll(fd: number, buffer: Buffer, filled: number, done: (error: NodeJS.ErrnoException | null, bytes?: Buffer) => void): void {
  if (filled === buffer.length) return done(null, buffer);
  fs.read(fd, buffer, filled, buffer.length - filled, filled, (error, bytesRead) => {
    if (error) return done(error);
    if (bytesRead === 0) return done(null, buffer.subarray(0, filled));
    readAll(fd, buffer, filled + bytesRead, done);
  });
}

/** Why a file is not JSON, never quoting its text: JSON.parse quotes what it read, and that may be a secret. */
export function jsonSyntaxReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (!/["'`]/.test(message)) return `not valid JSON (${message})`;
  const position = /position (\d+)/.exec(message)?.[1];
  return position === undefined ? 'not valid JSON' : `not valid JSON (at position ${position})`;
}

export function parseJsonBytes<S extends z.ZodType>(path: string, bytes: Buffer, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new UnparsableFileError(path, jsonSyntaxReason(error));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new UnparsableFileError(path, DataFileError.fromZod(path, parsed.error).reason);
  return parsed.data;
}

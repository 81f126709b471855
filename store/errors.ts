// Errors that name what they are about, so the CLI can print one clear line.
import type { z } from 'zod';

/** A data file that exists but cannot be used: it does not parse, or a field has the wrong shape. */
export class DataFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'DataFileError';
  }

  static fromZod(path: string, error: z.ZodError): DataFileError {
    const issue = error.issues[0];
    const field = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    return new DataFileError(path, `field ${field}: ${issue.message}`);
  }
}

/** A failed write: the message names the file; the in-memory state is kept. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    override readonly cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const detail =
      code === 'ENOSPC' ? 'the disk is full' : code === 'ELOOP' ? 'it is a symbolic link, and bakeoff never writes through one' : cause instanceof Error ? cause.message : String(cause);
    super(`could not write ${path}: ${detail}; the previous file is intact`);
    this.name = 'WriteError';
  }
}

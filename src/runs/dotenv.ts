// Keys and base URLs from the project's .env, for this process only; set variables win.
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Reads `.env` in the project root when there is one; a variable already set is never overridden. */
export function loadDotEnv(projectRoot: string): void {
  const file = path.join(projectRoot, '.env');
  if (!existsSync(file)) return;
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw new Error(`could not read ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

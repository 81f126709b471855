// Keys and base URLs from the project's .env, for this process only. A variable already set (and not empty)
// wins; which variables came from the file is remembered, so the bash tool can leave them out of its
// environment and an endpoint can say where it came from.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDotEnv } from './dotenv-parse.js';

export interface DotEnvLoad {
  /** the file as the user would name it (`./.env`), or null when there is none */
  file: string | null;
  /** every variable the file defines, whether or not it was used */
  defined: string[];
  /** the variables set from the file (unset or empty before) */
  loaded: string[];
  /** one line per line of the file that is not NAME=value, naming the file and the line */
  warnings: string[];
}

interface Origin {
  file: string;
  defined: Set<string>;
  loaded: Set<string>;
}

/** What loadDotEnv did to each environment object (process.env in the app, a plain object in tests). */
const origins = new WeakMap<NodeJS.ProcessEnv, Origin>();

/** An empty (or blank) variable counts as unset, here and in the provider lookup. */
export function isUnset(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

/** Reads `.env` in the project root into `env` when there is one; a variable already set is never overridden. */
export function loadDotEnv(projectRoot: string, env: NodeJS.ProcessEnv = process.env): DotEnvLoad {
  const absolute = path.join(projectRoot, '.env');
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { file: null, defined: [], loaded: [], warnings: [] };
    throw new Error(`could not read ${absolute}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const file = displayPath(absolute);
  const parsed = parseDotEnv(text);
  const values = new Map(parsed.entries.map((entry) => [entry.name, entry.value]));
  const loaded: string[] = [];
  for (const [name, value] of values) {
    if (!isUnset(env[name])) continue;
    env[name] = value;
    loaded.push(name);
  }
  const origin = origins.get(env) ?? { file, defined: new Set<string>(), loaded: new Set<string>() };
  for (const name of values.keys()) origin.defined.add(name);
  for (const name of loaded) origin.loaded.add(name);
  origins.set(env, origin);
  const warnings = parsed.invalidLines.map((line) => `${file} line ${line}: not NAME=value, skipped`);
  return { file, defined: [...values.keys()], loaded, warnings };
}

/** The names of the variables `.env` defines (loaded or not), for leaving them out of a subprocess's environment. */
export function variablesFromDotEnv(env: NodeJS.ProcessEnv = process.env): ReadonlySet<string> {
  return origins.get(env)?.defined ?? new Set();
}

/** Where a variable's value came from, as a user would say it: `./.env` or `the environment`. */
export function variableOrigin(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const origin = origins.get(env);
  return origin?.loaded.has(name) ? origin.file : 'the environment';
}

/** `./.env` under the working directory, else the absolute path. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : `./${relative}`;
}

// The project's `.env`, for provider settings only: a key or base URL it sets (provider-variables.ts) is used
// where the environment leaves that variable unset or empty; any other name is ignored with a warning, so a
// cloned repository cannot set BAKEOFF_BWRAP, LD_PRELOAD or PATH. Nothing is copied into process.env: every
// program bakeoff starts (the sandbox probe, the mount helpers, bash, the editor) sees the environment bakeoff
// was started with. The values of the key variables, from either place, are redacted from every error.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { redactExactValues } from '../text/redact-secrets.js';
import { parseDotEnv } from './dotenv-parse.js';
import { keyVariables, providerVariableNames } from './provider-variables.js';

export interface DotEnvLoad {
  /** the file as the user would name it (`./.env`), or null when there is none */
  file: string | null;
  /** the provider settings the file gives, by name (the environment's own value still wins) */
  settings: ReadonlyMap<string, string>;
  /** one line per line of the file that is not NAME=value or sets something else, naming the file, the line and the name */
  warnings: string[];
}

interface Loaded {
  file: string;
  settings: ReadonlyMap<string, string>;
}

/** What loadDotEnv read for each environment object (process.env in the app, a plain object in tests). */
const loads = new WeakMap<NodeJS.ProcessEnv, Loaded>();

/** An empty (or blank) variable counts as unset, here and in the provider lookup. */
export function isUnset(value: string | undefined): value is undefined {
  return value === undefined || value.trim() === '';
}

/** A `.env` past this is not a settings file. */
const MAX_DOTENV_BYTES = 1024 * 1024;

/**
 * The text of `.env`, or null when there is none. Opened without waiting and read only as a regular file: a
 * cloned repository's `.env` may be a named pipe (which would block start-up) or a link to /dev/zero.
 */
function readDotEnvText(absolute: string): string | null {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`could not read ${absolute}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    const info = fstatSync(fd);
    if (!info.isFile()) throw new Error(`could not read ${absolute}: it is not a regular file`);
    if (info.size > MAX_DOTENV_BYTES) throw new Error(`could not read ${absolute}: it is larger than ${MAX_DOTENV_BYTES / 1024 / 1024} MiB`);
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads the provider settings of `.env` in the project root, for lookups against `env`; `env` itself is never changed. */
export function loadDotEnv(projectRoot: string, env: NodeJS.ProcessEnv = process.env): DotEnvLoad {
  const absolute = path.join(projectRoot, '.env');
  const text = readDotEnvText(absolute);
  if (text === null) {
    loads.delete(env);
    redactKeys(env);
    return { file: null, settings: new Map(), warnings: [] };
  }
  const file = displayPath(absolute);
  const parsed = parseDotEnv(text);
  const settings = new Map<string, string>();
  const problems = parsed.invalidLines.map((line) => ({ line, text: `${file} line ${line}: not NAME=value, skipped` }));
  for (const { name, value, line } of parsed.entries) {
    if (providerVariableNames.has(name)) settings.set(name, value);
    else problems.push({ line, text: `${file} line ${line}: ${name} ignored (a project's .env sets only provider keys and base URLs)` });
  }
  loads.set(env, { file, settings });
  redactKeys(env);
  return { file, settings, warnings: problems.sort((a, b) => a.line - b.line).map((problem) => problem.text) };
}

/** A provider variable's value, trimmed: the environment's, else the project's `.env`'s; undefined when neither sets it. */
export function providerVariable(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const own = env[name];
  if (!isUnset(own)) return own.trim();
  const fromFile = loads.get(env)?.settings.get(name);
  return isUnset(fromFile) ? undefined : fromFile.trim();
}

/** Where a variable's value came from, as a user would say it: `./.env` or `the environment`. */
export function variableOrigin(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const load = loads.get(env);
  return load && isUnset(env[name]) && !isUnset(load.settings.get(name)) ? load.file : 'the environment';
}

/** A key need not look like one (`gsk_…`): the configured values themselves are redacted. */
function redactKeys(env: NodeJS.ProcessEnv): void {
  redactExactValues(Object.values(keyVariables).map((name) => providerVariable(name, env)));
}

/** `./.env` under the working directory, else the absolute path. */
function displayPath(absolute: string): string {
  const relative = path.relative(process.cwd(), absolute);
  return relative.startsWith('..') || path.isAbsolute(relative) ? absolute : `./${relative}`;
}

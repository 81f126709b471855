// What a tool is to the agent loop: a schema, a description, and a run that returns text for the model.
import type { z } from 'zod';
import type { ProposedFiles } from './proposed-files.js';

export interface ToolContext {
  /** the project root: every path a tool touches stays inside it */
  root: string;
  /** this model's proposed writes, which its later reads see */
  files: ProposedFiles;
  signal: AbortSignal;
  /** null prefixes = any command */
  bash: { prefixes: string[] | null; timeoutMs: number };
  /** the Sandbox section's `network` (`none` refuses every fetch) and `allow_local_fetch` */
  web: { network: string; allowLocalFetch: boolean };
}

/** How a call shows in the event log: `reading`, `writing` or `bash` (data-format.md's event types). */
export type ToolKind = 'reading' | 'writing' | 'bash';

export interface ToolDefinition<Schema extends z.ZodType> {
  name: string;
  kind: ToolKind;
  /** what the tool does and how its arguments work */
  description: string;
  /** advice the recipe may replace (`name: text`) or suppress (`name:`) */
  defaultGuidance: string;
  inputSchema: Schema;
  /** one line for the event log, e.g. `read_file src/a.ts` */
  describe(input: z.infer<Schema>): string;
  run(input: z.infer<Schema>, context: ToolContext): Promise<string>;
}

/** A call whose arguments passed the schema, ready to run. */
export interface PreparedCall {
  summary: string;
  run(context: ToolContext): Promise<string>;
}

export interface RunTool {
  name: string;
  kind: ToolKind;
  description: string;
  defaultGuidance: string;
  inputSchema: z.ZodType;
  /** validates the model's arguments; `error` says which argument is wrong */
  prepare(input: unknown): PreparedCall | { error: string };
}

/** A failure the model should read and can act on (missing file, ambiguous edit); it ends nothing. */
export class ToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
  }
}

export function defineTool<Schema extends z.ZodType>(definition: ToolDefinition<Schema>): RunTool {
  return {
    name: definition.name,
    kind: definition.kind,
    description: definition.description,
    defaultGuidance: definition.defaultGuidance,
    inputSchema: definition.inputSchema,
    prepare(input) {
      const parsed = definition.inputSchema.safeParse(input);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'arguments'}: ${issue.message}`);
        return { error: issues.join('; ') };
      }
      const value = parsed.data;
      return { summary: definition.describe(value), run: (context) => definition.run(value, context) };
    },
  };
}

// The persisted shapes of data-format.md as zod schemas; the TypeScript types are inferred from them,
// so the type is the file format. Readers accept what Errata's Go encoder writes: `null` for a list or
// map that was never set, unknown keys (dropped), any RFC 3339 timestamp (kept as the string read).
import * as z from 'zod';

/** Go writes a nil list or map as `null`: treat it exactly like a missing key. */
const nullAsMissing = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null ? undefined : value), schema);

/** The object without its null-valued keys; the same object when it has none (the usual case, and cheap). */
function withoutNullKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  let hasNull = false;
  for (const key in value) if ((value as Record<string, unknown>)[key] === null) hasNull = true;
  if (!hasNull) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** A record of the format: one null check per object, not one per field, keeps big files fast to validate. */
const record = <T extends z.core.$ZodLooseShape>(shape: T) => Object.assign(z.preprocess(withoutNullKeys, z.object(shape)), { shape });

const int = z.number().int();

/** A JSON object whose values all pass `check`. Checked in place: z.record copies every map, and stats
 *  reads hundreds of thousands of them, so this keeps listing and stats close to the cost of JSON.parse. */
const isMapOf =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    for (const key in value) if (!check((value as Record<string, unknown>)[key])) return false;
    return true;
  };
const isInt = (value: unknown) => Number.isInteger(value);
const intMap = z.custom<Record<string, number>>(isMapOf(isInt), 'expected a map of integers');
const numberMap = z.custom<Record<string, number>>(isMapOf((value) => typeof value === 'number'), 'expected a map of numbers');
/** Go may write a model's nil map of calls as null: it reads as no calls. */
const toolCallsMap = z
  .custom<Record<string, Record<string, number> | null>>(isMapOf((value) => value === null || isMapOf(isInt)(value)), 'expected a map of tool-call counts')
  .transform((calls) => Object.fromEntries(Object.entries(calls).map(([model, byTool]) => [model, byTool ?? {}])));

/** RFC 3339 with optional fractional seconds (Errata writes nanoseconds) and a Z or ±hh:mm offset. */
export const timestampSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/i, 'not an RFC 3339 timestamp');

const optional = <T extends z.ZodType>(schema: T) => schema.optional();
const list = <T extends z.ZodType>(item: T) => z.array(item).default([]);

export const writeEntrySchema = record({
  path: z.string(),
  content: z.string().default(''),
  delete: optional(z.boolean()),
});

export const eventEntrySchema = record({
  type: z.string(),
  data: z.string().default(''),
});

export const conversationTurnSchema = record({
  role: z.enum(['user', 'assistant']),
  content: z.string().default(''),
});

export const stopReasonSchema = z.enum(['complete', 'timeout', 'max_steps', 'context_overflow', 'cancelled', 'error']);

export const runSummarySchema = record({
  timestamp: timestampSchema,
  prompt_hash: z.string(),
  prompt_preview: z.string().default(''),
  models: z.array(z.string()).nullable().default(null),
  selected: optional(z.string()),
  rating: optional(z.string()),
  type: optional(z.string()),
  latencies_ms: optional(intMap),
  costs_usd: optional(numberMap),
  input_tokens: optional(intMap),
  output_tokens: optional(intMap),
  tool_calls: optional(toolCallsMap),
  proposed_writes_count: optional(intMap),
  applied_files: optional(z.array(z.string())),
  config_hash: optional(z.string()),
  note: optional(z.string()),
  /** bakeoff only: the run was made in blind mode (Errata ignores the key) */
  blind: optional(z.boolean()),
});

export const sessionMetadataSchema = record({
  id: z.string(),
  created_at: timestampSchema,
  last_active_at: timestampSchema,
  models: optional(z.array(z.string())),
  first_prompt: optional(z.string()),
  last_prompt: optional(z.string()),
  prompt_count: int.min(0).default(0),
  config_hash: optional(z.string()),
  runs: list(runSummarySchema),
});

export const modelRunContentSchema = record({
  model_id: z.string(),
  text: z.string().default(''),
  proposed_writes: optional(z.array(writeEntrySchema)),
  events: list(eventEntrySchema),
  stop_reason: optional(z.string()),
  steps: optional(int),
  reasoning_tokens: optional(int),
});

export const runContentSchema = record({
  prompt: z.string(),
  prompt_hash: z.string(),
  models: list(modelRunContentSchema),
});

export const historiesSchema = z.record(z.string(), nullAsMissing(list(conversationTurnSchema)));

export const sessionContentSchema = record({
  session_id: optional(z.string()),
  runs: list(runContentSchema),
  histories: historiesSchema.default({}),
});

export const responseSnapshotSchema = record({
  model_id: z.string(),
  text: optional(z.string()),
  latency_ms: int.default(0),
  input_tokens: int.default(0),
  output_tokens: int.default(0),
  reasoning_tokens: optional(int),
  cost_usd: z.number().default(0),
  proposed_writes: optional(z.array(writeEntrySchema)),
  tool_calls: optional(intMap),
  error: optional(z.string()),
  interrupted: z.boolean().default(false),
  completed: z.boolean().default(false),
});

export const checkpointSchema = record({
  prompt: z.string(),
  timestamp: timestampSchema,
  adapter_ids: list(z.string()),
  responses: list(responseSnapshotSchema),
  verbose: z.boolean().default(false),
});

const stringMap = z.record(z.string(), z.string());

export const recipeSnapshotSchema = record({
  version: optional(int),
  name: z.string().default('default'),
  system_prompt: optional(z.string()),
  tool_guidance: optional(stringMap),
  tools: optional(z.array(z.string())),
  bash_prefixes: optional(z.array(z.string())),
  tool_descriptions: optional(stringMap),
  tasks: optional(z.array(z.string())),
  success_criteria: optional(z.array(z.string())),
  mcp_servers: optional(z.array(record({ name: z.string(), command: z.string() }))),
  sandbox: optional(
    record({
      filesystem: optional(z.string()),
      network: optional(z.string()),
      allow_local_fetch: optional(z.boolean()),
    }),
  ),
  constraints: optional(
    record({
      max_steps: optional(int),
      timeout: optional(z.string()),
      bash_timeout: optional(z.string()),
      project_root: optional(z.string()),
    }),
  ),
  context: optional(
    record({
      max_history_turns: optional(int),
      strategy: optional(z.string()),
      compact_threshold: optional(z.number()),
      task_mode: optional(z.string()),
    }),
  ),
  output_processing: optional(
    z.record(
      z.string(),
      record({
        max_lines: optional(int),
        max_tokens: optional(int),
        truncation: optional(z.string()),
        truncation_message: optional(z.string()),
      }),
    ),
  ),
  summarization_prompt: optional(z.string()),
});

/** 4b0b74b stores snapshot objects, newest Errata recipe markdown; a file may hold both. */
export const storedRecipeSchema = z.union([z.string(), recipeSnapshotSchema]);

export const recipeStoreFileSchema = nullAsMissing(z.record(z.string(), storedRecipeSchema).default({}));

export type WriteEntry = z.infer<typeof writeEntrySchema>;
export type EventEntry = z.infer<typeof eventEntrySchema>;
export type ConversationTurn = z.infer<typeof conversationTurnSchema>;
export type StopReason = z.infer<typeof stopReasonSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type SessionMetadata = z.infer<typeof sessionMetadataSchema>;
export type ModelRunContent = z.infer<typeof modelRunContentSchema>;
export type RunContent = z.infer<typeof runContentSchema>;
export type Histories = z.infer<typeof historiesSchema>;
export type SessionContent = z.infer<typeof sessionContentSchema>;
export type ResponseSnapshot = z.infer<typeof responseSnapshotSchema>;
export type Checkpoint = z.infer<typeof checkpointSchema>;
export type RecipeSnapshot = z.infer<typeof recipeSnapshotSchema>;
/** A recipes.json value: a snapshot object (Errata 4b0b74b) or recipe markdown (newest Errata). */
export type StoredRecipe = z.infer<typeof storedRecipeSchema>;

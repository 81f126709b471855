// The options of `bakeoff` itself, seen by every subcommand through optsWithGlobals().
import * as z from 'zod';

/** `a, b,,a` → `['a', 'b']`: trimmed, no empties, first use wins. */
export const modelListSchema = z
  .string()
  .transform((list) => [...new Set(list.split(',').map((id) => id.trim()).filter((id) => id !== ''))])
  .refine((ids) => ids.length > 0, 'needs at least one model id, e.g. --models demo/alpha,demo/beta');

/** The session options, before the rule that joins them (a refined object cannot be extended). */
export const sessionOptionsObject = z.object({
  dataDir: z.string().min(1, 'needs a directory'),
  debug: z.boolean().default(false),
  continue: z.boolean().default(false),
  resume: z.union([z.literal(true), z.string().min(1, 'needs a session id or prefix')]).optional(),
  models: modelListSchema.optional(),
  recipe: z.string().min(1, 'needs a recipe file path').optional(),
  blind: z.boolean().default(false),
});

/**
 * The rules between the session options: --continue and --resume <id> name two sessions, so only one may be
 * given; and a session that exists runs with its own recipe, so a --recipe beside either would be ignored
 * without a word.
 */
export function withSessionRules<S extends z.ZodType<{ continue: boolean; resume?: string | true; recipe?: string }>>(schema: S) {
  return schema
    .refine((options) => !(options.continue && typeof options.resume === 'string'), {
      message: 'give --continue or --resume <id>, not both',
      path: ['resume'],
    })
    .refine((options) => options.recipe === undefined || !(options.continue || options.resume !== undefined), {
      message: 'starts a new session from the recipe file: give it without --continue or --resume (a session keeps its own recipe; /load changes it in the app)',
      path: ['recipe'],
    });
}

export const globalOptionsSchema = withSessionRules(sessionOptionsObject);

export type GlobalOptions = z.output<typeof globalOptionsSchema>;

/** The data directory option alone, for subcommands that only read data. */
export const dataDirSchema = z.object({ dataDir: z.string().min(1, 'needs a directory') });

// The Errata fixture's sessions, by what each one is for in these tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureRoot } from '../helpers/fixtures.js';

/** three runs, the third rewound; no checkpoint */
export const SESSION_A = 'ses_01950000-0000-7000-8000-00000000000a';
/** the newest; has recipe.md and an interrupted run (checkpoint.json) */
export const SESSION_B = 'ses_01950000-0000-7000-8000-00000000000b';
/** metadata that does not parse */
export const SESSION_CORRUPT = 'ses_01950000-0000-7000-8000-0000000000cc';

export interface ExpectedModelStats {
  wins: number;
  losses: number;
  thumbs_down: number;
  participations: number;
  win_rate: number;
  avg_latency_ms: number;
  avg_cost_usd: number;
}

export const expected = JSON.parse(readFileSync(join(fixtureRoot, 'expected.json'), 'utf8')) as {
  session_order: string[];
  corrupt: string[];
  recipe_hashes: string[];
  stats_all: Record<string, ExpectedModelStats>;
};

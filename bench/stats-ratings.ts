// One `bakeoff stats --json` as the command does it (cache, sums, JSON), with or without the ratings'
// fit and bootstrap: the bench runs each in a fresh process and compares the two.
import { statsAcrossSessions, statsToJson } from '../store/index.js';

async function main(sessionsDir: string, ratings: boolean): Promise<void> {
  const { models } = await statsAcrossSessions(sessionsDir, {}, ratings ? {} : false);
  const json = JSON.stringify({ models: Object.fromEntries(Object.entries(models).map(([model, stats]) => [model, statsToJson(stats)])) }, null, 2);
  process.stdout.write(JSON.stringify({ bytes: json.length }));
}

void main(process.argv[2], process.argv[3] !== 'off');

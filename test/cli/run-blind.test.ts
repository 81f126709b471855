// `bakeoff run --blind` on the built binary: the report calls the models Model A, Model B, … (in the run's random
// order) until the pick, reveals them after it, and the run is recorded blind, so `stats --blind-only` counts it.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt } from './run-cli.js';
import { sessionIdIn, workspace } from './run-workspace.js';

beforeAll(assertBuilt);

const NAMES = /alpha|beta/i;
// the prompt names both models, so the demo models' echo of it would name them if it were not masked
const PROMPT = 'write hi.txt: hi\nare you alpha or demo/beta?';

describe('bakeoff run --blind', () => {
  it('text: the blocks by label with names masked, then the pick with its label and the reveal; recorded blind', async () => {
    const ws = await workspace();
    const { code, stdout, stderr } = await ws.run(['-m', 'demo/alpha,demo/beta', '--blind', '--pick', 'fastest'], PROMPT);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const [blocks, footer] = [stdout.slice(0, stdout.indexOf('\n\nPicked: ')), stdout.slice(stdout.indexOf('\n\nPicked: ') + 2)];
    expect(blocks).not.toMatch(NAMES);
    expect(blocks).toMatch(/^── Model A · done · .* · writes: hi\.txt\n\[Model A\] You asked: "write hi\.txt: hi are you Model [AB] or Model [AB]\?"/);
    expect(blocks).toMatch(/\n── Model B · done · /);

    const [, picked, label, note] = /^Picked: (demo\/alpha|demo\/beta) \((Model [AB])\) · (.*)\n/.exec(footer) ?? [];
    expect(note).toBe('Applied: hi.txt');
    const reveal = /\nBlind run revealed: Model A was (demo\/\w+), Model B was (demo\/\w+)\.\n/.exec(footer);
    expect(reveal).not.toBeNull();
    const revealed = { 'Model A': reveal![1], 'Model B': reveal![2] };
    expect(new Set(Object.values(revealed))).toEqual(new Set(['demo/alpha', 'demo/beta']));
    expect(revealed[label as 'Model A' | 'Model B']).toBe(picked);
    // whichever was fastest on this machine: alpha writes the text as given, beta in capitals
    expect(await readFile(join(ws.project, 'hi.txt'), 'utf8')).toBe(picked === 'demo/alpha' ? 'hi' : 'HI');

    const id = sessionIdIn(stdout);
    const run = (await ws.metadata(id)).runs[0] as { blind?: boolean; selected?: string; models: string[] };
    expect(run.blind).toBe(true);
    expect(run.selected).toBe(picked);
    // the labels are shown, never recorded: the models keep their panel order on disk
    expect(run.models).toEqual(['demo/alpha', 'demo/beta']);

    // counted as the app's blind runs are
    const stats = await ws.cli(['stats', '--blind-only', '--json']);
    expect(stats.code).toBe(0);
    const models = (JSON.parse(stats.stdout) as { models: Record<string, { wins: number; losses: number }> }).models;
    const other = picked === 'demo/alpha' ? 'demo/beta' : 'demo/alpha';
    expect(models[picked].wins).toBe(1);
    expect(models[other].losses).toBe(1);
  });

  it('JSON: "blind": true, the responses in label order, each with its model and label, names masked in text and error', async () => {
    const ws = await workspace();
    const { code, stdout, stderr } = await ws.run(['-m', 'demo/alpha,demo/beta,demo/gamma', '--blind', '--json'], `${PROMPT}\nand gamma must fail`);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['session_id', 'run', 'blind', 'responses', 'picked', 'applied_files']);
    expect(report).toMatchObject({ run: 1, blind: true, picked: null, applied_files: [] });
    const responses = report.responses as Record<string, unknown>[];
    expect(responses.map((r) => r.label)).toEqual(['Model A', 'Model B', 'Model C']);
    expect(new Set(responses.map((r) => r.model))).toEqual(new Set(['demo/alpha', 'demo/beta', 'demo/gamma']));
    for (const response of responses) {
      expect(Object.keys(response)).toEqual(['model', 'label', 'ok', 'text', 'latency_ms', 'input_tokens', 'output_tokens', 'cost_usd', 'tool_calls', 'proposed_writes', 'error']);
      expect(`${response.text as string} ${(response.error as string | null) ?? ''}`).not.toMatch(/alpha|beta|gamma/i);
    }
    const gamma = responses.find((r) => r.model === 'demo/gamma')!;
    expect(gamma).toMatchObject({ ok: false, text: '', error: `${gamma.label as string} failed on purpose: the prompt contains "fail"` });
    const alpha = responses.find((r) => r.model === 'demo/alpha')!;
    expect(alpha).toMatchObject({ ok: true, proposed_writes: ['hi.txt'], tool_calls: { write_file: 1 }, error: null });
    expect(alpha.text).toContain(`[${alpha.label as string}] You asked: "write hi.txt: hi are you`);

    // the session keeps the exact answers; the masking is the report's
    const content = await ws.content(report.session_id as string);
    expect(content.runs[0].models.find((m) => m.model_id === 'demo/alpha')?.text).toContain('[demo/alpha] You asked');
    expect(((await ws.metadata(report.session_id as string)).runs[0] as { blind?: boolean }).blind).toBe(true);
  });

  it('a --pick by model id or by label is a usage error in blind mode: one line, exit 2, nothing written', async () => {
    const ws = await workspace();
    for (const pick of ['demo/alpha', 'Model A']) {
      const result = await ws.run(['-m', 'demo/alpha,demo/beta', '--blind', '--pick', pick, 'write x.txt: x']);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderrLines).toEqual([`bakeoff: --pick ${pick}: a blind run keeps an answer by a rule, not by a model or a label; give fastest, cheapest or none`]);
    }
    expect(await ws.sessionIds()).toEqual([]);
    expect(existsSync(join(ws.data, 'prompt_history.jsonl'))).toBe(false);
  });

  it('without --blind the run is not recorded blind and the report has no labels', async () => {
    const ws = await workspace();
    const { code, stdout } = await ws.run(['-m', 'demo/alpha,demo/beta', '--json', 'hello']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { session_id: string; responses: Record<string, unknown>[] };
    expect(report).not.toHaveProperty('blind');
    expect(report.responses[0]).not.toHaveProperty('label');
    expect((await ws.metadata(report.session_id)).runs[0]).not.toHaveProperty('blind');
  });
});

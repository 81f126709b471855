import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCheckpoint, clearCheckpoint, IncrementalCheckpointSaver, loadCheckpoint, responseSnapshot, saveCheckpoint } from '../../store/checkpoint.js';
import type { ModelResponse } from '../../store/types.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const response = (modelId: string, extra: Partial<ModelResponse> = {}): ModelResponse => ({
  modelId,
  text: `${modelId} says`,
  latencyMs: 10,
  inputTokens: 5,
  outputTokens: 7,
  costUsd: 0.001,
  ...extra,
});

describe('checkpoint.json', () => {
  it('reads the fixture: which models completed and which /resume re-runs', async () => {
    const data = await copyErrataFixture();
    const checkpoint = (await loadCheckpoint(join(data, 'sessions', 'ses_01950000-0000-7000-8000-00000000000b', 'checkpoint.json')))!;
    expect(checkpoint.prompt).toBe('refactor the cache layer');
    expect(checkpoint.timestamp).toBe('2026-03-12T14:20:00.25Z');
    expect(checkpoint.responses.filter((r) => r.completed).map((r) => r.model_id)).toEqual(['claude-sonnet-4-6']);
    expect(checkpoint.adapter_ids.filter((id) => !checkpoint.responses.some((r) => r.model_id === id && r.completed))).toEqual(['gemini-2.5-pro']);
  });

  it('is null when there is none, and clearing a missing one is not an error', async () => {
    const path = join(await tempDir(), 'checkpoint.json');
    expect(await loadCheckpoint(path)).toBeNull();
    await clearCheckpoint(path);
  });

  it('buildCheckpoint is null when nothing was interrupted', () => {
    expect(buildCheckpoint('p', ['a', 'b'], [response('a'), response('b', { error: 'HTTP 500' })], false)).toBeNull();
  });

  it('buildCheckpoint keeps panel order, marks completed only clean finishes', () => {
    const checkpoint = buildCheckpoint('p', ['a', 'b', 'c'], [response('c', { error: 'boom' }), response('b', { interrupted: true }), response('a')], true)!;
    expect(checkpoint.responses.map((r) => [r.model_id, r.completed, r.interrupted])).toEqual([
      ['a', true, false],
      ['b', false, true],
      ['c', false, false],
    ]);
    expect(checkpoint.verbose).toBe(true);
  });

  it('a snapshot leaves out empty optional keys and keeps the listed order', () => {
    expect(Object.keys(JSON.parse(JSON.stringify(responseSnapshot(response('a', { toolCalls: { read_file: 2 } })))))).toEqual([
      'model_id',
      'text',
      'latency_ms',
      'input_tokens',
      'output_tokens',
      'cost_usd',
      'tool_calls',
      'interrupted',
      'completed',
    ]);
    expect(JSON.stringify(responseSnapshot(response('a', { text: '' })))).not.toContain('"text"');
  });

  it('the incremental saver keeps the file current at each update and survives as the newest state', async () => {
    const path = join(await tempDir(), 'checkpoint.json');
    const saver = new IncrementalCheckpointSaver(path, 'p', ['a', 'b'], false);
    void saver.update('b', responseSnapshot(response('b', { text: 'partial' })));
    void saver.markCompleted('a', responseSnapshot(response('a')));
    await saver.flush();
    const onDisk = (await loadCheckpoint(path))!;
    expect(onDisk.responses.map((r) => [r.model_id, r.completed])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    await saver.update('b', responseSnapshot(response('b', { text: 'more' })));
    expect(JSON.parse(await readFile(path, 'utf8')).responses[1].text).toBe('more');
  });

  it('save and clear round-trip', async () => {
    const path = join(await tempDir(), 'checkpoint.json');
    const checkpoint = buildCheckpoint('p', ['a'], [response('a', { interrupted: true })], false)!;
    await saveCheckpoint(path, checkpoint);
    expect(await loadCheckpoint(path)).toEqual(checkpoint);
    await clearCheckpoint(path);
    await expect(stat(path)).rejects.toThrow();
  });
});

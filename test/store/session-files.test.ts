import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentPieces, loadContent, loadMetadata, metadataPieces, newSessionMetadata, saveContent, saveMetadata } from '../../store/session-files.js';
import { DataFileError } from '../../store/errors.js';
import { copyErrataFixture } from '../helpers/fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const A = 'ses_01950000-0000-7000-8000-00000000000a';

describe('session_metadata.json', () => {
  it('reads what Errata wrote: null lists, nanosecond timestamps kept as written, HTML-escaped text', async () => {
    const data = await copyErrataFixture();
    const metadata = (await loadMetadata(join(data, 'sessions', A, 'session_metadata.json')))!;
    expect(metadata.created_at).toBe('2026-03-10T08:59:00.000000001-04:00');
    expect(metadata.runs[0].timestamp).toBe('2026-03-10T09:00:01.123456789-04:00');
    expect(metadata.runs[3]).toMatchObject({ type: 'rewind', models: null, prompt_preview: '' });
    expect(metadata.prompt_count).toBe(3);
  });

  it('is null when missing', async () => {
    expect(await loadMetadata(join(await tempDir(), 'nope.json'))).toBeNull();
  });

  it('treats null and missing lists as empty and ignores unknown keys', async () => {
    const path = join(await tempDir(), 'm.json');
    await writeFile(path, JSON.stringify({ id: 's', created_at: '2026-01-01T00:00:00Z', last_active_at: '2026-01-01T00:00:00Z', runs: null, models: null, future_key: { x: 1 } }));
    const metadata = (await loadMetadata(path))!;
    expect(metadata.runs).toEqual([]);
    expect(metadata.models).toBeUndefined();
    expect('future_key' in metadata).toBe(false);
  });

  it('reads a model’s null map of tool calls as no calls, and names a map with a wrong value', async () => {
    const path = join(await tempDir(), 'm.json');
    const run = { timestamp: '2026-01-01T00:00:00Z', prompt_hash: 'ph_x', prompt_preview: 'p', models: ['a', 'b'], tool_calls: { a: null, b: { read_file: 2 } } };
    await writeFile(path, JSON.stringify({ id: 's', created_at: run.timestamp, last_active_at: run.timestamp, runs: [run] }));
    expect((await loadMetadata(path))!.runs[0].tool_calls).toEqual({ a: {}, b: { read_file: 2 } });
    await writeFile(path, JSON.stringify({ id: 's', created_at: run.timestamp, last_active_at: run.timestamp, runs: [{ ...run, latencies_ms: { a: 'slow' } }] }));
    await expect(loadMetadata(path)).rejects.toThrow('field runs.0.latencies_ms: expected a map of integers');
  });

  it('names the file and the field when a field has the wrong shape', async () => {
    const path = join(await tempDir(), 'm.json');
    await writeFile(path, JSON.stringify({ id: 's', created_at: '2026-01-01T00:00:00Z', last_active_at: 'yesterday', runs: [] }));
    const error = await loadMetadata(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('last_active_at');
  });

  it('names the file when it is not JSON', async () => {
    const path = join(await tempDir(), 'm.json');
    await writeFile(path, '{"id": "ses_broken", "runs": [');
    await expect(loadMetadata(path)).rejects.toThrow(`${path}: not valid JSON`);
  });

  it('writes compact JSON, keys in the listed order, empty optional keys left out, runs always written', async () => {
    const path = join(await tempDir(), 'm.json');
    const metadata = newSessionMetadata('ses_x', [], '2026-01-01T00:00:00Z');
    await saveMetadata(path, { ...metadata, config_hash: 'rcp_v1_x', first_prompt: 'hi' });
    expect(await readFile(path, 'utf8')).toBe(
      '{"id":"ses_x","created_at":"2026-01-01T00:00:00Z","last_active_at":"2026-01-01T00:00:00Z","first_prompt":"hi","prompt_count":0,"config_hash":"rcp_v1_x","runs":[]}',
    );
  });

  it('writes back the bytes of runs it read, so an unchanged Errata session round-trips', async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'sessions', A, 'session_metadata.json');
    const metadata = (await loadMetadata(path, { keepEncodings: true }))!;
    const before = JSON.parse(await readFile(path, 'utf8'));
    await saveMetadata(path, metadata);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(before);
  });
});

describe('session_content.json', () => {
  it('reads the fixture histories and runs', async () => {
    const data = await copyErrataFixture();
    const content = (await loadContent(join(data, 'sessions', A, 'session_content.json')))!;
    expect(content.runs).toHaveLength(3);
    expect(content.histories['gpt-4.1']).toHaveLength(4);
    expect(content.runs[1].models[0].events).toEqual([]);
  });

  it('pieces written from cached bytes equal a fresh encoding of the same content', async () => {
    const data = await copyErrataFixture();
    const path = join(data, 'sessions', A, 'session_content.json');
    const content = (await loadContent(path))!;
    const next = {
      ...content,
      runs: [...content.runs, { prompt: 'p', prompt_hash: 'ph_x', models: [{ model_id: 'm', text: 't <&>', events: [] }] }],
      histories: { ...content.histories, m: [{ role: 'user' as const, content: 'p' }] },
    };
    await saveContent(path, next);
    const reread = (await loadContent(path, { keepEncodings: false }))!;
    expect(reread).toEqual((await import('../../store/schemas.js')).sessionContentSchema.parse(JSON.parse(JSON.stringify(next))));
    expect(Buffer.concat(contentPieces(next)).toString()).toBe(await readFile(path, 'utf8'));
  });

  it('leaves out empty histories and an empty session id', () => {
    expect(Buffer.concat(contentPieces({ runs: [], histories: {} })).toString()).toBe('{"runs":[]}');
    expect(Buffer.concat(contentPieces({ session_id: 's', runs: [], histories: { m: [] } })).toString()).toBe('{"session_id":"s","runs":[]}');
  });

  it('metadata pieces are valid JSON equal to the object', () => {
    const metadata = newSessionMetadata('ses_y', ['a', 'b'], '2026-01-01T00:00:00Z');
    expect(JSON.parse(Buffer.concat(metadataPieces(metadata)).toString())).toEqual(metadata);
  });
});

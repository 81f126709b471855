// web_fetch against a real HTTP server on 127.0.0.1: the Sandbox rules, redirects checked at every hop,
// the size cap, the time limit and text only. The URL and the body are a model's: treated as hostile.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRecipe } from '../../store/index.js';
import { toolboxFor } from '../../src/runs/tools/tool-registry.js';
import { ProposedFiles } from '../../src/runs/tools/proposed-files.js';
import { runToolCall } from '../../src/runs/tools/run-tool-call.js';
import { FETCH_LIMITS } from '../../src/runs/web/fetch-text.js';
import { tempDir } from '../helpers/temp-dir.js';

let server: Server;
let base = '';
const routes: Record<string, (res: ServerResponse) => void> = {
  '/hello': (res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('hello from the server ✓'),
  '/to-hello': (res) => res.writeHead(302, { location: '/hello' }).end(),
  '/to-metadata': (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
  '/to-file': (res) => res.writeHead(301, { location: 'file:///etc/passwd' }).end(),
  '/loop': (res) => res.writeHead(302, { location: '/loop' }).end(),
  '/big': (res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(FETCH_LIMITS.maxBytes * 2)),
  '/binary': (res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0])),
  '/missing': (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('no such page'),
  '/silent': () => undefined,
};

beforeAll(async () => {
  server = createServer((req, res) => (routes[req.url ?? ''] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function fetchWith(sandbox: string, url: string) {
  const recipe = parseRecipe(`version: 1\n\n## Tools\n- web_fetch\n\n## Sandbox\n${sandbox}`);
  const toolbox = toolboxFor(recipe);
  const root = await tempDir();
  const context = { root, files: new ProposedFiles(root), signal: new AbortController().signal, bash: { prefixes: null, timeoutMs: 1000 }, web: toolbox.web };
  return (await runToolCall(toolbox, { id: 'c1', name: 'web_fetch', input: { url } }, context)).result;
}

describe('web_fetch', () => {
  it('GETs a local URL when allow_local_fetch is true and returns its text after a status line', async () => {
    const result = await fetchWith('allow_local_fetch: true', `${base}/hello`);
    expect(result.isError).toBe(false);
    expect(result.output).toMatch(/^HTTP 200 http:\/\/127\.0\.0\.1:\d+\/hello \(text\/plain; charset=utf-8, 25 bytes\)\n\nhello from the server ✓$/);
  });

  it('refuses a local address without allow_local_fetch, and every URL under network: none', async () => {
    const local = await fetchWith('', `${base}/hello`);
    expect(local.isError).toBe(true);
    expect(local.output).toContain('is not allowed');
    expect(local.output).not.toContain('hello from the server');
    const offline = await fetchWith('network: none\nallow_local_fetch: true', `${base}/hello`);
    // network: none takes the tool away altogether
    expect(offline).toMatchObject({ isError: true, output: expect.stringContaining('unknown tool "web_fetch"') });
  });

  it('follows a redirect to an allowed place, and checks every hop: no metadata address, no file://, no endless loop', async () => {
    expect((await fetchWith('allow_local_fetch: true', `${base}/to-hello`)).output).toContain('hello from the server');
    const metadata = await fetchWith('allow_local_fetch: true', `${base}/to-metadata`);
    expect(metadata).toMatchObject({ isError: true, output: expect.stringContaining('169.254.169.254') });
    expect(metadata.output).toContain('is not allowed');
    expect(await fetchWith('allow_local_fetch: true', `${base}/to-file`)).toMatchObject({ isError: true, output: expect.stringContaining('only http and https') });
    expect(await fetchWith('allow_local_fetch: true', `${base}/loop`)).toMatchObject({ isError: true, output: expect.stringContaining('more than 5 redirects') });
  });

  it('reads at most the size cap, refuses binary bodies, bad URLs and credentials, and says a 404 is one', async () => {
    const big = await fetchWith('allow_local_fetch: true', `${base}/big`);
    expect(big.output).toContain(`cut at ${FETCH_LIMITS.maxBytes}`);
    expect(big.output.length).toBeLessThan(FETCH_LIMITS.maxBytes + 500);
    expect(await fetchWith('allow_local_fetch: true', `${base}/binary`)).toMatchObject({ isError: true, output: expect.stringContaining('image/png, not text') });
    expect(await fetchWith('allow_local_fetch: true', 'not a url')).toMatchObject({ isError: true, output: expect.stringContaining('not an absolute URL') });
    expect(await fetchWith('allow_local_fetch: true', base.replace('//', '//user:pw@') + '/hello')).toMatchObject({ isError: true, output: expect.stringContaining('user name or password') });
    expect(await fetchWith('allow_local_fetch: true', `${base}/missing`)).toMatchObject({ isError: true, output: expect.stringMatching(/^HTTP 404 .*\nno such page$/) });
  });

  it('gives up on a server that does not answer within the time limit', async () => {
    const limit = FETCH_LIMITS.timeoutMs;
    FETCH_LIMITS.timeoutMs = 300;
    try {
      expect(await fetchWith('allow_local_fetch: true', `${base}/silent`)).toMatchObject({ isError: true, output: expect.stringContaining('no answer within') });
    } finally {
      FETCH_LIMITS.timeoutMs = limit;
    }
  });
});

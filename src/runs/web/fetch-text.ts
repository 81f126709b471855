// web_fetch's HTTP GET. The URL comes from a model and the body from anywhere, so: http(s) only, no
// credentials in the URL, every hop's address checked when the socket connects (request-filtering-agent:
// no private, link-local, reserved or meta addresses, so no DNS rebinding; 127.0.0.1 and ::1 only with
// allow_local_fetch), redirects followed by hand and each one checked again, a time limit, a size cap,
// text only, and no cookies, keys or proxy settings sent.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface FetchRules {
  /** the Sandbox section's `network`: `none` refuses every fetch */
  network: string;
  /** the Sandbox section's `allow_local_fetch`: the loopback addresses (127.0.0.1, ::1) are allowed */
  allowLocalFetch: boolean;
}

export const FETCH_LIMITS = {
  /** bytes read from a body; the rest is not downloaded */
  maxBytes: 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
};

/** A fetch that cannot be done, said to the model (the agent loop turns it into an error result). */
export class FetchRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchRefusedError';
  }
}

// exact addresses: the library's CIDR match warns when the families differ
const LOOPBACK = ['127.0.0.1', '::1', '::ffff:127.0.0.1'];
const textTypes = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|ecmascript|x-www-form-urlencoded|yaml|toml|x-sh)\b)/i;

/** GETs `url` and returns its text with a status line; a refused URL, a non-2xx status or a binary body is a FetchRefusedError. */
export async function fetchText(url: string, rules: FetchRules, signal: AbortSignal): Promise<string> {
  if (rules.network === 'none') throw new FetchRefusedError('web_fetch is off: the recipe\'s Sandbox says "network: none"');
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(FETCH_LIMITS.timeoutMs)]);
  const agents = {
    http: new RequestFilteringHttpAgent({ allowIPAddressList: rules.allowLocalFetch ? LOOPBACK : [] }),
    https: new RequestFilteringHttpsAgent({ allowIPAddressList: rules.allowLocalFetch ? LOOPBACK : [] }),
  };
  try {
    let target = checkedUrl(url);
    for (let hop = 0; ; hop++) {
      const response = await get(target, agents, deadline);
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400 && response.headers.location !== undefined) {
        response.destroy();
        if (hop >= FETCH_LIMITS.maxRedirects) throw new FetchRefusedError(`more than ${FETCH_LIMITS.maxRedirects} redirects from ${url}`);
        target = checkedUrl(new URL(response.headers.location, target).href);
        continue;
      }
      return await readText(response, target, deadline);
    }
  } catch (error) {
    if (signal.aborted) throw error;
    if (deadline.aborted) throw new FetchRefusedError(`${url}: no answer within ${FETCH_LIMITS.timeoutMs / 1000} s`);
    if (error instanceof FetchRefusedError) throw error;
    throw new FetchRefusedError(`${url}: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    agents.http.destroy();
    agents.https.destroy();
  }
}

function checkedUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new FetchRefusedError(`not an absolute URL: ${JSON.stringify(text.slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchRefusedError(`only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new FetchRefusedError('a URL with a user name or password is refused');
  return url;
}

function get(url: URL, agents: { http: RequestFilteringHttpAgent; https: RequestFilteringHttpsAgent }, signal: AbortSignal): Promise<IncomingMessage> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, {
      method: 'GET',
      agent: url.protocol === 'https:' ? agents.https : agents.http,
      signal,
      headers: { 'user-agent': 'bakeoff-web_fetch', accept: 'text/*, application/json, application/xml;q=0.9, */*;q=0.1', 'accept-encoding': 'identity' },
    });
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

async function readText(response: IncomingMessage, url: URL, signal: AbortSignal): Promise<string> {
  const status = response.statusCode ?? 0;
  const type = String(response.headers['content-type'] ?? '');
  if (type !== '' && !textTypes.test(type)) {
    response.destroy();
    throw new FetchRefusedError(`${url.href} is ${type.split(';')[0]}, not text`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let cut = false;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    if (signal.aborted) break;
    const room = FETCH_LIMITS.maxBytes - size;
    chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    size += Math.min(chunk.length, room);
    if (chunk.length >= room) {
      cut = chunk.length > room || response.readableLength > 0 || !response.complete;
      response.destroy();
      break;
    }
  }
  const body = Buffer.concat(chunks);
  if (type === '' && body.includes(0)) throw new FetchRefusedError(`${url.href} is binary, not text`);
  const text = new TextDecoder(charsetOf(type), { fatal: false }).decode(body);
  const head = `HTTP ${status} ${url.href} (${type || 'no content type'}, ${size} bytes${cut ? `, cut at ${FETCH_LIMITS.maxBytes}` : ''})`;
  if (status < 200 || status >= 300) throw new FetchRefusedError(`${head}\n${text.slice(0, 2000)}`);
  return `${head}\n\n${text}`;
}

function charsetOf(type: string): string {
  const charset = /charset=["']?([\w-]+)/i.exec(type)?.[1]?.toLowerCase() ?? 'utf-8';
  try {
    new TextDecoder(charset);
    return charset;
  } catch {
    return 'utf-8';
  }
}

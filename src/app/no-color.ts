// NO_COLOR (no-color.org): when it is set and not empty, the app draws no colour. Ink's colours come from
// chalk, which does not read NO_COLOR, so the app's output stream drops the colour parameters of every
// SGR sequence on its way out; bold, dim and inverse (the cursor) stay.
import type { Writable } from 'node:stream';

export function noColorRequested(env: NodeJS.ProcessEnv): boolean {
  return (env.NO_COLOR ?? '') !== '';
}

const colourParameter = (n: number) => (n >= 30 && n <= 39) || (n >= 40 && n <= 49) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107);

/** `\x1b[1;31m` → `\x1b[1m`; a sequence left with nothing is dropped. 38/48 take their 5;n or 2;r;g;b along. */
export function withoutColour(text: string): string {
  return text.replace(/\x1b\[([\d;:]*)m/g, (whole, body: string) => {
    if (body === '' || body === '0') return whole;
    const parts = body.split(';');
    const kept: string[] = [];
    for (let i = 0; i < parts.length; i++) {
      const n = Number(parts[i].split(':')[0]);
      if (n === 38 || n === 48 || n === 58) {
        if (!parts[i].includes(':')) i += parts[i + 1] === '5' ? 2 : parts[i + 1] === '2' ? 4 : 0;
        continue;
      }
      if (!colourParameter(n)) kept.push(parts[i]);
    }
    return kept.length > 0 ? `\x1b[${kept.join(';')}m` : '';
  });
}

/** The same stream (size, resize events, TTY-ness), writing without colour. */
export function colourlessStream<T extends Writable>(stream: T): T {
  const write = (chunk: unknown, ...rest: unknown[]) =>
    (stream.write as (...args: unknown[]) => boolean).call(stream, typeof chunk === 'string' ? withoutColour(chunk) : chunk, ...rest);
  return new Proxy(stream, {
    get(target, property) {
      if (property === 'write') return write;
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

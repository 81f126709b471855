// What an end-to-end test starts, stopped after each test whether it passed or failed: terminals killed,
// servers closed (the newest first), so no tmux server or port outlives its test.
import { afterEach } from 'vitest';

export interface Started {
  /** `terminal`, killed after the test. */
  terminal<T extends { kill(): void }>(terminal: T): T;
  /** `server`, closed after the test. */
  server<S extends { close(): Promise<void> }>(server: S): S;
}

/** Registers the afterEach hook of the calling test file; call it once, at the top level. */
export function stopAfterEach(): Started {
  const stops: Array<() => unknown> = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });
  return {
    terminal(terminal) {
      stops.push(() => terminal.kill());
      return terminal;
    },
    server(server) {
      stops.push(() => server.close());
      return server;
    },
  };
}

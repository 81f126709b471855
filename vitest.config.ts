import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // a test that runs the binary a dozen times takes 5-8 s here and three times that on a loaded machine;
    // a hang still ends, a minute later
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest runs one file fewer at a time than there are cores: one on a 2-core machine. Most files wait
    // on real processes (the binary, tmux, bwrap, HTTP servers), so three at a time halve the suite there
    // (300 s -> 165 s on this project's machine) and still pass; more would starve the timing tests. A
    // bigger machine keeps Vitest's own number.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});

#!/usr/bin/env node
// Tiny on purpose: the CLI is built into dist/ by `npm run build` (run by `npm ci` through `prepare`).
import { main } from '../dist/bundle/cli.js';

main(process.argv).then((code) => {
  process.exitCode = code;
});

// Preloaded into a child (NODE_OPTIONS=--require …): prints its peak resident memory on stderr as it exits,
// so a test can bound what a command holds (a heap limit does not count Buffers).
process.on('exit', () => process.stderr.write(`max-rss-kb ${process.resourceUsage().maxRSS}\n`));

// Dollars as every table, panel and report shows them: one function, so the app and the subcommands agree.

/** `$0.0123` under a dollar (`$0.0000` for nothing, like any other amount), `$1.23` from a dollar on; `?` when the price is unknown. */
export function formatUsd(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || Number.isNaN(usd)) return '?';
  return '$' + (Math.abs(usd) < 1 ? usd.toFixed(4) : usd.toFixed(2));
}

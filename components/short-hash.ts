// A recipe hash as the panels show it: the scheme prefix and 8 hex digits (`rcp_v1_91967936`, `rcp_4da5b28c`).
export function shortHash(hash: string): string {
  const prefix = /^rcp_(v\d+_)?/.exec(hash)?.[0] ?? '';
  return hash.slice(0, prefix.length + 8);
}

// How a stored time is shown everywhere (tables, panels): `2026-03-10 13:00` in the local time zone.

/** `2026-03-10 13:00` in the local time zone; the stored string itself when it does not parse. */
export function formatLocalTime(timestamp: string): string {
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

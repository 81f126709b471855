// The closest known name to a mistyped one (edit distance), for "did you mean".

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length];
}

/** A name that starts with `typed`, else the nearest within a few edits; null when nothing is close. */
export function nearestName(typed: string, names: readonly string[]): string | null {
  const prefixed = names.find((name) => name.startsWith(typed));
  if (typed && prefixed) return prefixed;
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.ceil(typed.length / 2)) + 1;
  for (const name of names) {
    const distance = editDistance(typed, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

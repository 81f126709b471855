// The `.env` format Node's `process.loadEnvFile` reads (NAME=value, `export ` prefix, '…' "…" `…` quotes that
// may span lines, `\n` in double quotes, ` # comment` after an unquoted value), parsed line by line so a line
// that is none of these is reported by number instead of skipped silently (Node and `dotenv` both skip them).

export interface DotEnvEntry {
  name: string;
  value: string;
  /** 1-based line where the entry starts */
  line: number;
}

export interface ParsedDotEnv {
  entries: DotEnvEntry[];
  /** 1-based numbers of the lines that are not NAME=value, a comment or blank */
  invalidLines: number[];
}

const assignment = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/;
const quotes = new Set(['"', "'", '`']);

export function parseDotEnv(text: string): ParsedDotEnv {
  const lines = text.split(/\r?\n/);
  const entries: DotEnvEntry[] = [];
  const invalidLines: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const match = assignment.exec(line);
    if (!match) {
      invalidLines.push(index + 1);
      continue;
    }
    const [, name, rest] = match;
    const quote = rest[0];
    if (quote === undefined || !quotes.has(quote)) {
      entries.push({ name, value: rest.replace(/\s+#.*$/, '').trim(), line: index + 1 });
      continue;
    }
    const quoted = readQuoted(lines, index, rest, quote);
    if (!quoted) {
      invalidLines.push(index + 1);
      continue;
    }
    entries.push({ name, value: quote === '"' ? quoted.body.replace(/\\n/g, '\n') : quoted.body, line: index + 1 });
    index = quoted.lastLine;
  }
  return { entries, invalidLines };
}

/** The text between `quote` and its closing twin (possibly lines later); null when it never closes or is followed by more than a comment. */
function readQuoted(lines: string[], first: number, rest: string, quote: string): { body: string; lastLine: number } | null {
  let text = rest.slice(1);
  for (let last = first; last < lines.length; last++) {
    if (last > first) text += `\n${lines[last]}`;
    const close = closingIndex(text, quote);
    if (close < 0) continue;
    const after = text.slice(close + 1).trim();
    if (after !== '' && !after.startsWith('#')) return null;
    return { body: text.slice(0, close), lastLine: last };
  }
  return null;
}

function closingIndex(text: string, quote: string): number {
  for (let i = 0; i < text.length; i++) {
    if (quote === '"' && text[i] === '\\') i++;
    else if (text[i] === quote) return i;
  }
  return -1;
}

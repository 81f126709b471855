// Where subcommands write: results on stdout, warnings on stderr (so `--json | jq` stays clean). Everything
// printed passes through visible-text: no string from a data file reaches the terminal raw.
import { visibleJson, visibleLine, visibleText } from '../text/visible-text.js';
import { redactSecrets } from '../text/redact-secrets.js';

/** One line for stderr: secrets redacted, line breaks joined, control characters shown (commander's own errors too). */
export function stderrLine(message: string): string {
  return visibleLine(redactSecrets(message).trim().replace(/\s*\n\s*/g, ' '));
}

export function printText(text: string): void {
  const safe = visibleText(text);
  process.stdout.write(safe.endsWith('\n') ? safe : safe + '\n');
}

/** The `--json` output: indented by two spaces, one trailing newline. */
export function printJson(value: unknown): void {
  process.stdout.write(visibleJson(JSON.stringify(value, null, 2)) + '\n');
}

/** A warning that does not stop the command, as one line. */
export function printWarning(message: string): void {
  process.stderr.write(`bakeoff: warning: ${stderrLine(message)}\n`);
}

/** An error, as one line (the stack, with --debug, is bakeoff's own text). */
export function printError(message: string): void {
  process.stderr.write(`bakeoff: ${stderrLine(message)}\n`);
}

/** Something the user should see that is neither a result nor a problem (where a key is sent), as one line on stderr. */
export function printNote(message: string): void {
  process.stderr.write(`bakeoff: ${stderrLine(message)}\n`);
}

// Where subcommands write: results on stdout, warnings on stderr (so `--json | jq` stays clean).

export function printText(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

/** The `--json` output: indented by two spaces, one trailing newline. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** A warning that does not stop the command, as one line. */
export function printWarning(message: string): void {
  process.stderr.write(`bakeoff: warning: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
}

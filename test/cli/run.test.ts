// `bakeoff run` as a script uses it: the built binary on the demo models, stdin not a terminal, stdout and
// stderr read apart, the data directory checked after each run.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli } from './run-cli.js';
import { sessionIdIn, workspace } from './run-workspace.js';

beforeAll(assertBuilt);

describe('bakeoff run: the prompt', () => {
  it('takes the prompt from the argument: one block per model, then what was picked; recorded as an app run', async () => {
    const ws = await workspace();
    const { code, stdout, stderr } = await ws.run(['-m', 'demo/alpha,demo/beta', 'write a.txt: from the argument']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const blocks = stdout.split('\n\n');
    expect(blocks[0]).toMatch(/^── demo\/alpha · done · \d+ ms · \d+→\d+ tok · \$0\.\d{4} · writes: a\.txt\n\[demo\/alpha\] You asked: "write a\.txt: from the argument"/);
    expect(stdout).toMatch(/\n── demo\/beta · done · \d+ ms · \d+→\d+ tok · \$0\.\d{4} · writes: a\.txt\n\[demo\/beta\] You asked/);
    expect(stdout).toContain('\n\nPicked: none · Skipped.\nSession ses_');
    // --pick none applies nothing
    expect(existsSync(join(ws.project, 'a.txt'))).toBe(false);

    const id = sessionIdIn(stdout);
    expect(stdout).toMatch(new RegExp(`Session ${id} · run #1 · bakeoff show ${id}\\n$`));
    const meta = await ws.metadata(id);
    expect(meta.runs).toHaveLength(1);
    expect(meta.runs[0]).toMatchObject({ prompt_preview: 'write a.txt: from the argument', models: ['demo/alpha', 'demo/beta'], note: 'Skipped.' });
    expect(meta.runs[0].selected ?? '').toBe('');
    expect(meta.runs[0].config_hash).toMatch(/^rcp_v1_/);
    expect(meta.prompt_count).toBe(1);
    const content = await ws.content(id);
    expect(content.runs[0].models.map((m) => m.model_id)).toEqual(['demo/alpha', 'demo/beta']);
    expect(Object.keys(content.histories ?? {}).sort()).toEqual(['demo/alpha', 'demo/beta']);
    expect(await readFile(join(ws.data, 'prompt_history.jsonl'), 'utf8')).toBe('"write a.txt: from the argument"\n');
    expect(existsSync(join(ws.data, 'sessions', id, 'recipe.md'))).toBe(true);
    // the finished run leaves no checkpoint
    expect(existsSync(join(ws.data, 'sessions', id, 'checkpoint.json'))).toBe(false);

    const show = await ws.cli(['show', id]);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(/#1 .*\n {4}write a\.txt: from the argument\n {4}models {2}demo\/alpha, demo\/beta\n {4}winner {2}none\n {4}note {4}Skipped\./);
  });

  it('reads the prompt from stdin with `-`, and without an argument when stdin is not a terminal', async () => {
    const ws = await workspace();
    const dash = await ws.run(['-m', 'demo/alpha', '-'], 'first line\r\nsecond line\n\n');
    expect(dash.code).toBe(0);
    const absent = await ws.run(['-m', 'demo/alpha'], 'from a pipe\n');
    expect(absent.code).toBe(0);
    const prompts = await Promise.all([dash, absent].map(async (result) => (await ws.content(sessionIdIn(result.stdout))).runs[0].prompt));
    // line breaks as the app records them, the trailing ones gone
    expect(prompts).toEqual(['first line\nsecond line', 'from a pipe']);
    expect(absent.stdout).toContain('You asked: "from a pipe"');
  });

  it('cleans a piped prompt as the app cleans a paste: no escape sequences or control characters', async () => {
    const ws = await workspace();
    const { code, stdout } = await ws.run(['-m', 'demo/alpha'], 'make it \u001b[31mred\u001b[0m\u0007 now\tplease\n');
    expect(code).toBe(0);
    expect((await ws.content(sessionIdIn(stdout))).runs[0].prompt).toBe('make it red now\tplease');
  });

  it('an empty prompt, or words that are not quoted, are usage errors with one line and nothing written', async () => {
    const ws = await workspace();
    const empty = await ws.run(['-m', 'demo/alpha'], '  \n\n');
    expect(empty.code).toBe(2);
    expect(empty.stderrLines).toEqual(['bakeoff: the prompt read from stdin is empty']);
    const words = await ws.run(['-m', 'demo/alpha', 'write', 'a.txt:', 'hi']);
    expect(words.code).toBe(2);
    expect(words.stderrLines).toEqual(['bakeoff: the prompt must be one argument (got 3 words): quote it, or give - to read it from stdin']);
    expect(words.stdout).toBe('');
    expect(await ws.sessionIds()).toEqual([]);
  });
});

describe('bakeoff run --json', () => {
  it('prints one object, field by field as the issue says, and nothing else on stdout', async () => {
    const ws = await workspace();
    const { code, stdout, stderr } = await ws.run(['-m', 'demo/alpha,demo/beta,demo/gamma', '--json', 'write j.txt: json\nand fail']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['session_id', 'run', 'responses', 'picked', 'applied_files']);
    expect(report.session_id).toMatch(/^ses_[0-9a-f-]{36}$/);
    expect(report.run).toBe(1);
    expect(report.picked).toBeNull();
    expect(report.applied_files).toEqual([]);
    const responses = report.responses as Record<string, unknown>[];
    expect(responses.map((r) => r.model)).toEqual(['demo/alpha', 'demo/beta', 'demo/gamma']);
    for (const response of responses) {
      expect(Object.keys(response)).toEqual(['model', 'ok', 'text', 'latency_ms', 'input_tokens', 'output_tokens', 'cost_usd', 'tool_calls', 'proposed_writes', 'error']);
      expect(Number.isInteger(response.latency_ms)).toBe(true);
      expect(response.latency_ms as number).toBeGreaterThan(0);
    }
    const [alpha, beta, gamma] = responses;
    expect(alpha).toMatchObject({ ok: true, tool_calls: { write_file: 1 }, proposed_writes: ['j.txt'], error: null });
    expect(alpha.text).toContain('[demo/alpha] You asked: "write j.txt: json and fail". Proposing 1 change.');
    expect(beta).toMatchObject({ ok: true, proposed_writes: ['j.txt'], error: null });
    expect(gamma).toMatchObject({ ok: false, text: '', tool_calls: {}, proposed_writes: [], error: 'demo/gamma failed on purpose: the prompt contains "fail"' });

    // the figures are the ones recorded in the session
    const meta = await ws.metadata(report.session_id as string);
    const summary = meta.runs[0];
    for (const response of responses) {
      const model = response.model as string;
      expect(response.input_tokens).toBe(summary.input_tokens?.[model]);
      expect(response.output_tokens).toBe(summary.output_tokens?.[model]);
      expect(response.latency_ms).toBe(summary.latencies_ms?.[model]);
    }
    expect(alpha.cost_usd).toBe(summary.costs_usd?.['demo/alpha']);
    expect(alpha.cost_usd as number).toBeGreaterThan(0);
    // demo prices: beta costs more than alpha for about the same tokens
    expect(beta.cost_usd as number).toBeGreaterThan(alpha.cost_usd as number);
  });
});

describe('bakeoff run --pick', () => {
  it('--pick fastest writes the file, records the selection, and rewind can undo it', async () => {
    const ws = await workspace();
    const { code, stdout, stderr } = await runCli(['run', '-m', 'demo/alpha,demo/beta', '--pick', 'fastest', '--json'], {
      dataDir: ws.data,
      cwd: ws.project,
      env: { BAKEOFF_DEMO_DELAY_MS: '60' },
      input: 'write hi.txt: hi\n',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { session_id: string; picked: string; applied_files: string[]; responses: { model: string; latency_ms: number }[] };
    const fastest = [...report.responses].sort((a, b) => a.latency_ms - b.latency_ms)[0].model;
    expect(report.picked).toBe(fastest);
    expect(report.applied_files).toEqual(['hi.txt']);
    // alpha (2 units) is usually the faster; alpha writes the text as given, beta in capitals
    expect(await readFile(join(ws.project, 'hi.txt'), 'utf8')).toBe(fastest === 'demo/alpha' ? 'hi' : 'HI');
    const meta = await ws.metadata(report.session_id);
    expect(meta.runs[0]).toMatchObject({ selected: fastest, note: 'Applied: hi.txt' });

    const show = await ws.cli(['show', report.session_id]);
    expect(show.stdout).toContain(`winner  ${fastest}\n    note    Applied: hi.txt`);
    const plan = await ws.cli(['rewind', report.session_id, '--dry-run', '--json']);
    expect(plan.code).toBe(0);
    expect((JSON.parse(plan.stdout) as { files: { path: string; action: string }[] }).files).toMatchObject([{ path: 'hi.txt', action: 'delete' }]);
  });

  it('--pick cheapest and --pick <model> keep that answer; a pick without writes is a vote', async () => {
    const ws = await workspace();
    // demo/gamma ($0.5/$1.5) is cheaper than alpha ($1/$2) but proposes nothing
    const cheapest = await ws.run(['-m', 'demo/alpha,demo/gamma', '--pick', 'cheapest', 'write c.txt: cheap']);
    expect(cheapest.code).toBe(0);
    expect(cheapest.stdout).toContain('Picked: demo/gamma · Voted for: demo/gamma');
    expect(existsSync(join(ws.project, 'c.txt'))).toBe(false);
    expect((await ws.metadata(sessionIdIn(cheapest.stdout))).runs[0]).toMatchObject({ selected: 'demo/gamma', note: 'Voted for: demo/gamma' });

    const named = await ws.run(['-m', 'demo/alpha,demo/beta', '--pick', 'demo/beta', 'write b.txt: named']);
    expect(named.code).toBe(0);
    expect(named.stdout).toContain('Picked: demo/beta · Applied: b.txt');
    expect(await readFile(join(ws.project, 'b.txt'), 'utf8')).toBe('NAMED');
  });

  it('a pick that cannot be made exits 1 with one line; the run is still recorded, without a selection', async () => {
    const ws = await workspace();
    const { code, stdout, stderrLines } = await ws.run(['-m', 'demo/alpha,demo/gamma', '--pick', 'demo/gamma', '--json', 'please fail']);
    expect(code).toBe(1);
    expect(stderrLines).toEqual(['bakeoff: cannot pick demo/gamma: it failed (demo/gamma failed on purpose: the prompt contains "fail")']);
    const report = JSON.parse(stdout) as { session_id: string; picked: unknown; applied_files: unknown };
    expect(report).toMatchObject({ picked: null, applied_files: [] });
    const meta = await ws.metadata(report.session_id);
    expect(meta.runs).toHaveLength(1);
    expect(meta.runs[0].selected ?? '').toBe('');
  });
});

describe('bakeoff run in an existing session', () => {
  it('--continue appends to the most recent session, -r <prefix> to the one named', async () => {
    const ws = await workspace();
    const first = sessionIdIn((await ws.run(['-m', 'demo/alpha,demo/beta', 'write one.txt: 1'])).stdout);
    const second = sessionIdIn((await ws.run(['-m', 'demo/delta', 'another session'])).stdout);
    expect(second).not.toBe(first);

    const continued = await ws.run(['-c', '--json', 'and a follow-up']);
    expect(continued.code).toBe(0);
    const report = JSON.parse(continued.stdout) as { session_id: string; run: number; responses: { model: string }[] };
    expect(report).toMatchObject({ session_id: second, run: 2 });
    // the session's own models, from its recipe.md
    expect(report.responses.map((r) => r.model)).toEqual(['demo/delta']);

    const resumed = await ws.run(['-r', first.slice(0, 16), 'write two.txt: 2']);
    expect(resumed.code).toBe(0);
    expect(sessionIdIn(resumed.stdout)).toBe(first);
    expect(resumed.stdout).toContain(' · run #2 · ');
    const meta = await ws.metadata(first);
    expect(meta.runs.map((r) => r.prompt_preview)).toEqual(['write one.txt: 1', 'write two.txt: 2']);
    expect(meta.prompt_count).toBe(2);
    expect(meta.models).toEqual(['demo/alpha', 'demo/beta']);
    // the models see the earlier exchange: the history grew by one exchange each
    const content = await ws.content(first);
    expect(content.histories?.['demo/alpha']).toHaveLength(4);
    expect(await ws.sessionIds()).toEqual([first, second].sort());
  });

  it('-r with a session that does not exist is an error naming it, and nothing is written', async () => {
    const ws = await workspace();
    const { code, stderrLines } = await ws.run(['-r', 'ses_nope', 'hello']);
    expect(code).toBe(1);
    expect(stderrLines).toHaveLength(1);
    expect(stderrLines[0]).toContain('ses_nope');
    expect(await ws.sessionIds()).toEqual([]);
  });
});

describe('bakeoff run: failures and exit codes', () => {
  it('a failing model alone exits 1; its block says why', async () => {
    const ws = await workspace();
    const { code, stdout, stderrLines } = await ws.run(['-m', 'demo/gamma', 'please fail']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^── demo\/gamma · failed · .*\nerror: demo\/gamma failed on purpose: the prompt contains "fail"\n/);
    expect(stderrLines).toEqual(['bakeoff: no model answered: demo/gamma (demo/gamma failed on purpose: the prompt contains "fail")']);
    // recorded all the same, as the app records it
    expect((await ws.metadata(sessionIdIn(stdout))).runs).toHaveLength(1);
  });

  it('a pick asked of a run where no model answered exits 1 with one line: the failure, which is also why nothing was picked', async () => {
    const ws = await workspace();
    const { code, stdout, stderrLines } = await ws.run(['-m', 'demo/gamma', '--pick', 'fastest', 'please fail']);
    expect(code).toBe(1);
    expect(stdout).toContain('Picked: none · Skipped.');
    expect(stderrLines).toEqual(['bakeoff: no model answered: demo/gamma (demo/gamma failed on purpose: the prompt contains "fail")']);
  });

  it('one model failing among others still exits 0', async () => {
    const ws = await workspace();
    const { code, stderr } = await ws.run(['-m', 'demo/alpha,demo/gamma', 'fail for gamma only']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('an unknown model exits 2 with one line, before anything is written', async () => {
    const ws = await workspace();
    const { code, stdout, stderrLines } = await ws.run(['-m', 'demo/alpha,demo/nope', 'hello']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderrLines).toEqual(['bakeoff: demo/nope cannot run: unknown demo model: the demo models are demo/alpha, demo/beta, demo/gamma, demo/delta']);
    expect(await ws.sessionIds()).toEqual([]);
    expect(existsSync(join(ws.data, 'prompt_history.jsonl'))).toBe(false);
  });

  it('a model without its key exits 2 naming the variable', async () => {
    const ws = await workspace();
    const { code, stderrLines } = await runCli(['run', '-m', 'openai/gpt-4.1', 'hello'], { dataDir: ws.data, cwd: ws.project, env: { OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } });
    expect(code).toBe(2);
    expect(stderrLines).toEqual(['bakeoff: openai/gpt-4.1 cannot run: set OPENAI_API_KEY']);
  });

  it.each([
    [['--pick', 'demo/beta', '-m', 'demo/alpha', 'x'], 'bakeoff: --pick: demo/beta is not a model of this run (demo/alpha); give one of them, fastest, cheapest or none'],
    [['--timeout', '0', 'x'], 'bakeoff: --timeout: needs a duration above zero, e.g. 30s, 5m or 1h30m (got "0")'],
    [['--timeout', '5parsecs', 'x'], 'bakeoff: --timeout: bad duration "5parsecs": unknown unit "parsecs"'],
    [['-c', '-r', 'ses_x', 'x'], 'bakeoff: --resume: give --continue or --resume <id>, not both'],
    [['-c', '--recipe', 'r.md', 'x'], 'bakeoff: --recipe: starts a new session from the recipe file: give it without --continue or --resume (a session keeps its own recipe; /load changes it in the app)'],
    [['-r', 'ses_x', '--recipe', 'r.md', 'x'], 'bakeoff: --recipe: starts a new session from the recipe file: give it without --continue or --resume (a session keeps its own recipe; /load changes it in the app)'],
    [['--pick'], "bakeoff: error: option '--pick <choice>' argument missing (see bakeoff run --help)"],
    [['--bogus', 'x'], "bakeoff: error: unknown option '--bogus' (see bakeoff run --help)"],
  ])('a bad option %j exits 2 with one line', async (args, line) => {
    const ws = await workspace();
    const { code, stdout, stderrLines } = await ws.run(args);
    expect(stderrLines).toEqual([line]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(await ws.sessionIds()).toEqual([]);
  });

  it('with no sandbox for bash, a warning says each bash call is refused, and the model is told why', async () => {
    const ws = await workspace();
    await writeFile(join(ws.project, 'bash.recipe.md'), '# Bash\nversion: 1\n\n## Models\n- demo/alpha\n\n## Tools\n- read_file\n- bash\n');
    const { code, stdout, stderrLines } = await runCli(['run', '--recipe', 'bash.recipe.md', 'run echo x > x.txt'], {
      dataDir: ws.data,
      cwd: ws.project,
      env: { BAKEOFF_DEMO_DELAY_MS: '5', BAKEOFF_BWRAP: '/nonexistent/bwrap' },
    });
    expect(code).toBe(0);
    expect(stderrLines).toEqual([
      'bakeoff: warning: no sandbox for bash here (/nonexistent/bwrap is missing or cannot create namespaces here (Debian/Ubuntu: apt-get install bubblewrap)): each bash call is refused (the app asks before running it unconfined)',
    ]);
    expect(stdout).toContain('Could not use bash: bash refused: no sandbox here');
    expect(existsSync(join(ws.project, 'x.txt'))).toBe(false);
  });

  it('--timeout overrides the recipe: a slow model is cut and fails, and the session recipe keeps the limit', async () => {
    const ws = await workspace();
    await writeFile(join(ws.project, 'long.recipe.md'), '# Long\nversion: 1\n\n## Models\n- demo/alpha\n\n## Constraints\ntimeout: 10m\n');
    const { code, stdout, stderrLines } = await ws.run(['--recipe', 'long.recipe.md', '--timeout', '100ms', 'a slow answer']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/── demo\/alpha · failed · /);
    expect(stderrLines).toEqual(['bakeoff: no model answered: demo/alpha (timed out after 100ms)']);
    const recipe = await readFile(join(ws.data, 'sessions', sessionIdIn(stdout), 'recipe.md'), 'utf8');
    expect(recipe).toMatch(/timeout: 100ms/);
  });
});

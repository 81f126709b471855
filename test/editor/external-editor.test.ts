import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editInExternalEditor, editorCommand } from '../../src/editor/external-editor.js';
import { tempDir } from '../helpers/temp-dir.js';

async function script(body: string): Promise<string> {
  const path = join(await tempDir('bakeoff-editor-'), 'editor.sh');
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

describe('the external editor', () => {
  it('prefers $VISUAL, then $EDITOR, then vi', () => {
    expect(editorCommand({ VISUAL: 'code -w', EDITOR: 'nano' })).toBe('code -w');
    expect(editorCommand({ EDITOR: 'nano' })).toBe('nano');
    expect(editorCommand({})).toBe('vi');
  });

  it('opens the prompt in a private file and takes the saved text back without the final newline', async () => {
    const editor = await script('[ "$(stat -c %a "$1")" = 600 ] || exit 3\nprintf "%s, edited\\nline two\\n" "$(cat "$1")" > "$1"');
    expect(editInExternalEditor('draft', { VISUAL: editor, PATH: process.env.PATH })).toEqual({ text: 'draft, edited\nline two' });
  });

  it('keeps provider keys out of the editor', async () => {
    const editor = await script('printf "%s" "${OPENAI_API_KEY:-none}" > "$1"');
    expect(editInExternalEditor('', { VISUAL: editor, OPENAI_API_KEY: 'sk-secret', PATH: process.env.PATH })).toEqual({ text: 'none' });
  });

  it('a failing editor leaves the prompt as it was and says so', async () => {
    const editor = await script('exit 4');
    const outcome = editInExternalEditor('draft', { VISUAL: editor, PATH: process.env.PATH });
    expect(outcome).toEqual({ error: expect.stringContaining('exited with 4') });
  });
});

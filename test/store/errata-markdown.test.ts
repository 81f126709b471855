// Newest Errata's recipe text and `rcp_` hash, checked against the vectors of Errata's own tests and the
// recipes Errata's code wrote into the errata-head-data fixture.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configHash, configHashOfMarkdown, emptyRecipe, marshalErrataMarkdown, nameOfMarkdown } from '../../store/recipe/index.js';
import { goFloat } from '../../store/recipe/errata-markdown.js';
import { parseRecipe } from '../../store/index.js';
import { fixtureDir, fixtureExpected } from '../helpers/fixtures.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

interface HeadExpected {
  recipes: Record<string, string>;
  session_recipe_md: Record<string, string>;
}

describe("newest Errata's config hash", () => {
  it('holds the known vectors: models are not part of the hash', () => {
    const a = '# Recipe A\nversion: 1\n\n## Models\n- model-a\n';
    expect(configHashOfMarkdown(a)).toBe('rcp_d12bc92890f1873543552ac72a56d3237003450ddf29efa38bf7d4ad643b2f72');
    expect(configHashOfMarkdown(a)).toBe(`rcp_${sha('# Recipe A\nversion: 1\n')}`);
    expect(configHashOfMarkdown('# Recipe A\nversion: 1\n\n## Models\n- model-a\n- model-c\n')).toBe(configHashOfMarkdown(a));
    expect(configHashOfMarkdown('# Recipe B\nversion: 1\n\n## Models\n- model-b\n')).toBe('rcp_9ed33be5c449d6782f549735f2436f8d2f3f71c1b512ff7c01328696070ca1ec');
  });

  it('hashes markdown that does not parse as it is', () => {
    expect(configHashOfMarkdown('# No version\n')).toBe(`rcp_${sha('# No version\n')}`);
  });

  it("gives every recipe in Errata's recipes.json the hash Errata stored it under", async () => {
    const stored = JSON.parse(await readFile(join(fixtureDir('errata-head-data'), 'data', 'recipes.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(stored)).toHaveLength(3);
    for (const [hash, markdown] of Object.entries(stored)) {
      expect(configHashOfMarkdown(markdown)).toBe(hash);
      expect(configHash(parseRecipe(markdown))).toBe(hash);
    }
  });

  it("writes each session's recipe.md byte for byte as Errata's MarshalMarkdown did, and names it as HashesForName does", () => {
    const expected = fixtureExpected<HeadExpected>('errata-head-data');
    for (const markdown of Object.values(expected.session_recipe_md)) {
      expect(marshalErrataMarkdown(parseRecipe(markdown))).toBe(markdown);
      expect(Object.values(expected.recipes)).toContain(nameOfMarkdown(markdown));
    }
  });
});

describe("marshalErrataMarkdown: Errata's writer, not bakeoff's", () => {
  it('titles an unnamed recipe "Errata Recipe", writes no version line for version 0 and leaves out what Errata leaves out', () => {
    const recipe = { ...emptyRecipe(), version: 0 };
    recipe.context = { ...recipe.context, taskMode: 'sequential' };
    recipe.outputProcessing = { bash: { maxLines: 5, maxTokens: 0, truncation: 'tail', truncationMessage: '' } };
    expect(marshalErrataMarkdown(recipe)).toBe('# Errata Recipe\n');
    expect(nameOfMarkdown('version: 1\n')).toBe('default');
  });

  it("keeps Errata's section and key order, and its number and duration forms", () => {
    const markdown = [
      '# Order',
      'version: 1',
      '',
      '## Success Criteria',
      '- passes',
      '',
      '## Sandbox',
      'allow_local_fetch: true',
      'network: none',
      '',
      '## Context',
      'compact_threshold: 0.0000005',
      'strategy: manual',
      '',
      '## Constraints',
      'project_root: /p',
      'max_steps: 3',
      'bash_timeout: 90',
      'timeout: 1h',
      '',
      '## Tools',
      '- bash(go test, go vet): run tests',
      '- read_file:',
      '',
      '## System Prompt',
      'Be brief.',
    ].join('\n');
    expect(marshalErrataMarkdown(parseRecipe(markdown))).toBe(
      '# Order\nversion: 1\n\n## System Prompt\nBe brief.\n\n## Tools\n- bash(go test, go vet): run tests\n- read_file\n' +
        '\n## Constraints\ntimeout: 1h0m0s\nbash_timeout: 1m30s\nmax_steps: 3\nproject_root: /p\n' +
        '\n## Context\nstrategy: manual\ncompact_threshold: 0.0000005\n\n## Sandbox\nnetwork: none\nallow_local_fetch: true\n\n## Success Criteria\n- passes\n',
    );
  });

  it("formats floats as Go's FormatFloat(f, 'f', -1, 64)", () => {
    expect([0.8, 1, 0.25, 5e-7, 1.5e-10, 1e21].map(goFloat)).toEqual(['0.8', '1', '0.25', '0.0000005', '0.00000000015', '1000000000000000000000']);
  });
});

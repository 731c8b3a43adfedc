import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@juesuan/loader';
import { describe, expect, it } from 'vitest';
import { viewColumns } from '../packages/cli/src/commands/schema.ts';
import { cli, root } from './helpers.ts';

const dictionary = readFileSync(join(root, 'docs/DATA.md'), 'utf8');

/** The columns DATA.md lists under `### \`view\``, from its table rows. */
function documentedColumns(view: string): Set<string> {
  const start = dictionary.indexOf(`### \`${view}\``);
  if (start < 0) return new Set();
  const rest = dictionary.slice(start + 1);
  const end = rest.search(/\n#{2,3} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return new Set([...section.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!));
}

describe('docs/DATA.md', () => {
  const db = openDatabase(':memory:');
  const views = viewColumns(db);
  db.close();

  it('documents every column of every view, and no column that is not there', () => {
    expect(views.map((v) => v.view)).toContain('records');
    for (const { view, columns } of views) {
      const documented = documentedColumns(view);
      expect({ view, missing: columns.filter((c) => !documented.has(c)) }).toEqual({ view, missing: [] });
      expect({ view, extra: [...documented].filter((c) => !columns.includes(c)) }).toEqual({ view, extra: [] });
    }
  });

  it('leaves room for the Tables and Measures sections after the views', () => {
    expect(dictionary).toMatch(/^## Views$/m);
    expect(dictionary).not.toMatch(/^## (Tables|Measures)$[\s\S]*^## Views$/m);
  });

  it('is what `juesuan schema` points to, and schema prints the same views and columns', () => {
    const r = cli(['schema', '--db', join(root, 'no-such-dir', 'x.sqlite')]);
    expect(r.code).toBe(0);
    for (const { view, columns } of views) {
      expect(r.stdout).toContain(`${view}\n`);
      for (const c of columns) expect(r.stdout).toContain(`  ${c}\n`);
    }
    expect(r.stdout).toContain('docs/DATA.md');
  });
});

import { MEASURES, ROW_IDENTITIES, TABLE_KINDS, VOCABULARIES } from '@juesuan/parser';

const ROWS: Record<string, string> = {
  functional: '功能分类 codes (类 3, 款 5, 项 7 digits)',
  economic: '经济分类 codes (301, 30101, local 7-digit children)',
  codes: 'account codes of either classification',
  two_sided: 'two sides: income items | expenditure items (sides, and groups function/purpose where printed)',
  sources: 'income sources, `parent` = the merged group cell',
  one_row: 'one data row, no code or label',
  procurement: 'procurement rows with context: level, category, special_item, econ_item, method',
  projects: 'projects by name (a code where printed)',
  text: 'text (targets, indicators): stored, not made into records',
};

const esc = (s: string) => s.replace(/\|/g, '\\|');

/** The data dictionary's Tables and Measures sections, written from the registry so they cannot drift. */
export function registryMarkdown(): string {
  const out: string[] = [];
  out.push('## Tables', '', 'Every canonical table kind (`table` in the views and the export), from `packages/parser/src/registry/table-kinds.ts`. A kind is `<family>.<stem>`: `final` (决算), `budget` (预算) or `performance` (绩效自评). Titles are matched after numbering, year and publisher are taken off, and through common OCR confusions (收人→收入, 单仨→单位, 支山→支出); the rows and header must agree with the kind, else the table is `other` with a `table.kind_uncertain` finding naming the candidates. Kinds are tried in this order, most specific first.', '');
  out.push('| ids | Chinese title | titles matched | rows | columns | row identities |', '| --- | --- | --- | --- | --- | --- |');
  for (const k of TABLE_KINDS) {
    const ids = k.families.map((f) => `\`${f}.${k.stem}\``).join(' ');
    const columns = typeof k.columns === 'string' ? k.columns : `income: ${k.columns.income}; expenditure: ${k.columns.expenditure}`;
    const titles = k.titles.map((t) => `\`${esc(t.source)}\``).join(' ') + (k.notTitles.length ? ` (not \`${esc(k.notTitles.map((t) => t.source).join(' '))}\`)` : '');
    out.push(`| ${ids} | ${k.nameZh} | ${titles} | ${ROWS[k.rows] ?? k.rows}${k.parse ? '' : ' (no records)'} | ${columns} | ${k.rowIdentities.join(', ') || '—'} |`);
  }
  out.push('', 'A table no kind fits is `other`: extracted and stored, never given a guessed meaning.', '');
  out.push('### Row identities', '', '| id | target | = Σ parts | when |', '| --- | --- | --- | --- |');
  for (const r of ROW_IDENTITIES) {
    const when = [r.requiresAny.length ? `the row has one of ${r.requiresAny.join(', ')}` : '', r.absentAll.length ? `and none of ${r.absentAll.join(', ')}` : ''].filter(Boolean).join(' ');
    out.push(`| \`${r.id}\` | ${r.target} | ${r.parts.join(' + ')} | ${when || 'always'} |`);
  }
  out.push('', '`{stage}` is `budget` or `final`.', '');
  out.push('## Measures', '', 'Every canonical column id (`measure`), from `packages/parser/src/registry/measures.ts`. In 三公 tables the ids are prefixed by the stage: `budget.total`, `final.reception`. A measure that repeats under another group of columns is qualified by the group: `gpb.total`, `carryover.basic`, `gov_fund.budget.overseas`. A column whose header no vocabulary knows is kept as `col:<its header>` (its marks full-width, as printed: `col:其中：…` from a scan too) with a `measure.unknown_header` finding: never dropped, never folded into a known id.', '');
  out.push('| id | header | meaning |', '| --- | --- | --- |');
  for (const m of MEASURES) out.push(`| \`${m.id}\` | ${m.nameZh} | ${m.nameEn} |`);
  out.push('', '### Column vocabularies', '', 'Which header wordings give which measure, per vocabulary named in the Tables section; the deepest header that a rule names decides.', '');
  for (const [id, v] of Object.entries(VOCABULARIES)) out.push(`- **${id}**: ${v.rules.map(([re, m]) => `\`${esc(re.source)}\` → \`${m}\``).join('; ')}`);
  out.push('');
  return out.join('\n');
}

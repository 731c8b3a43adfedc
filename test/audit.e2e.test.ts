import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ParsedDocument } from '@juesuan/model';
import { parseDocument } from '@juesuan/parser';
import { extractFile } from '@juesuan/pipelines';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, readJsonl, removeTempRoot, samples, tempDb, tempDir } from './helpers.ts';

afterAll(removeTempRoot);

const dir = join(samples, 'audit');
const planted = join(dir, 'audit-planted-final-2023.pdf');
const clean = join(dir, 'audit-clean-final-2023.pdf');
const plants = JSON.parse(readFileSync(join(dir, 'audit-planted-final-2023.plants.json'), 'utf8')) as Array<{ id: string; rule: string; page: number }>;
const NEW_FAMILIES = ['structure', 'template', 'years', 'wording', 'restated'];

async function parse(file: string): Promise<ParsedDocument> {
  return parseDocument(await extractFile(new Uint8Array(readFileSync(file)), file, { ocr: 'never' }));
}

describe('the audit on a report with one problem of every family planted', () => {
  let doc: ParsedDocument;
  let cleanDoc: ParsedDocument;
  beforeAll(async () => {
    [doc, cleanDoc] = await Promise.all([parse(planted), parse(clean)]);
  }, 120_000);

  it('plants a problem of every family', () => {
    expect(new Set(plants.map((p) => p.rule.split('.')[0]))).toEqual(new Set(NEW_FAMILIES));
  });

  it.each(plants.map((p) => [p.rule, p.page] as const))('finds %s on page %i', (rule, page) => {
    const hits = doc.findings.filter((f) => f.rule === rule && f.severity !== 'info');
    expect(hits.length, `${rule} not found`).toBeGreaterThan(0);
    expect(hits.flatMap((f) => f.evidence ?? []).map((e) => e.page)).toContain(page);
    for (const e of hits.flatMap((f) => f.evidence ?? [])) expect(e.quote.length).toBeGreaterThan(0);
  });

  it('finds nothing on the clean copy, and reads the paragraph drawn backwards by position', () => {
    expect(cleanDoc.findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule}: ${f.messageEn}`)).toEqual([]);
    expect(cleanDoc.facts.find((f) => f.name === 'three_public_final')?.amountFen).toBe(8_000_000);
  });

  it('says which checks could not run for a missing or empty table, and passes the clean copy', () => {
    const entry = (d: ParsedDocument, check: string) => d.ledger?.find((e) => e.check === check);
    expect(entry(doc, 'across.gpb_basic')).toMatchObject({ status: 'insufficient_data', reason: expect.stringContaining('一般公共预算财政拨款基本支出决算表 missing') });
    expect(entry(doc, 'three_public')?.status).toBe('insufficient_data');
    expect(entry(cleanDoc, 'across.gpb_basic')?.status).toBe('pass');
    for (const family of [...NEW_FAMILIES, 'identity']) {
      expect(doc.ledger?.find((e) => e.family === family && e.check === '*')?.status, family).toBe(family === 'identity' ? 'insufficient_data' : 'fail');
      expect(cleanDoc.ledger?.find((e) => e.family === family && e.check === '*')?.status, family).toBe('pass');
    }
  });
});

describe('findings and ledger through the store and the CLI', () => {
  it('exports findings with evidence and the ledger, shows the ledger in summary, and annotates the PDF', async () => {
    const db = tempDb();
    expect(cli(['ingest', planted, clean, '--db', db]).code).toBe(0);
    const out = tempDir('audit-');
    expect(cli(['export', '--what', 'findings', '--format', 'jsonl', '--db', db, '--out', join(out, 'f.jsonl')]).code).toBe(0);
    const findings = readJsonl(join(out, 'f.jsonl'));
    const comparison = findings.find((f) => f.rule === 'wording.comparison');
    expect(comparison).toMatchObject({ family: 'wording', severity: 'error', page: 13, file: expect.stringContaining('planted') });
    expect(comparison?.bbox).toHaveLength(4);
    expect(String(comparison?.quote)).toContain('决算数大于预算数');
    expect(findings.filter((f) => String(f.file).includes('clean') && f.severity !== 'info')).toEqual([]);

    const csv = cli(['export', '--what', 'findings', '--format', 'csv', '--no-bom', '--db', db]);
    expect(csv.stdout.split('\n')[0]).toBe('document_sha256,file,rule,family,severity,page,bbox,quote,message_zh,message_en,run');

    expect(cli(['export', '--what', 'ledger', '--format', 'jsonl', '--db', db, '--out', join(out, 'l.jsonl')]).code).toBe(0);
    const ledger = readJsonl(join(out, 'l.jsonl'));
    expect(ledger.find((l) => String(l.file).includes('planted') && l.check === 'across.gpb_basic')).toMatchObject({ status: 'insufficient_data' });

    const summary = cli(['summary', '--db', db]);
    expect(summary.stdout).toContain('ledger');
    expect(summary.stdout).toMatch(/audit-planted-final-2023\.pdf\s+fail/);
    expect(summary.stdout).toContain('across.gpb_basic: 一般公共预算财政拨款基本支出决算表 missing');

    const annotated = join(out, 'annotated.pdf');
    const run = cli(['annotate', planted, '--out', annotated]);
    expect(run.code, run.stderr).toBe(0);
    const back = await extractFile(new Uint8Array(readFileSync(annotated)), annotated, { ocr: 'never' });
    expect(back.pageCount).toBeGreaterThan(13);
    const lastPages = back.pages.slice(13).flatMap((p) => p.lines.map((l) => l.text)).join('\n');
    expect(lastPages).toContain('wording.comparison');
    expect(lastPages).toContain('决算数大于预算数');
    expect(cli(['annotate', join(samples, 'text', 'sample-final-2022.txt'), '--out', join(out, 'x.pdf')]).stderr).toMatch(/annotate needs a PDF/);
  }, 180_000);
});

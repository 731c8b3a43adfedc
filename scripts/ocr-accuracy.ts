/**
 * OCR against the text layer: for every scanned PDF that has a text-layer twin of the same name,
 * extract both, parse both, and compare every amount cell by cell (same table, row and column).
 * Reports per file the share of the text path's amounts the OCR path reproduces exactly, and how
 * many of the misses validation flags (a finding on the cell, or a low-confidence mark), how many
 * equal amounts also carry the text path's measure and code and how many carry another one (a wrong
 * meaning, where a missing one would be a column no vocabulary knows), the precision (OCR amounts equal to
 * the text path's over all the OCR amounts), seconds a page (wall clock, and CPU over all threads)
 * and the peak memory (the process's, and the launcher's that started it again: malloc-relaunch.js),
 * with how many recognisers were started (each about 0.5 s), and how many of the figures the text
 * path's narrative states the OCR path states alike (scripts/lib/compare-facts.ts). The last line
 * sums every file. A file that fails is one line (its name and why) and the run goes on; the exit
 * code is then 1.
 * OCR reads as ingest does, the cells of broken identities read again; --first-reading-only
 * leaves that out, to measure what it adds. --extractions DB takes each scan's OCR reading from a
 * database that ingested it (its cached extraction, by file name) instead of reading it again: a
 * parser change measured in seconds, on the very readings a batch made (no time or memory figures).
 *   pnpm ocr-accuracy <scanned folder> <text folder> [--json FILE] [--first-reading-only] [--extractions DB]
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { closeSharedOcrEngine, extractPdf, sharedOcrEngine } from '@juesuan/extractor';
import type { AmountRecord, ParsedDocument } from '@juesuan/model';
import { ExtractedDocument, errorLine } from '@juesuan/model';
import { openStore } from '@juesuan/loader';
import { amountUnsure, cellsToReadAgain, meaningUnsure, parseDocument } from '@juesuan/parser';
import { launcherPeakMiB } from '../pipelines/src/malloc-relaunch.js';
import { compareByCell } from './lib/compare-cells.ts';
import { compareFacts } from './lib/compare-facts.ts';

const args = process.argv.slice(2);
if (args.length < 2 || args.includes('--help')) {
  process.stdout.write('usage: ocr-accuracy <scanned folder> <text folder> [--json FILE] [--first-reading-only] [--extractions DB]\n');
  process.exit(args.includes('--help') ? 0 : 2);
}
const [scanned, text] = args as [string, string];
const jsonAt = args.indexOf('--json');
const readAgain = args.includes('--first-reading-only') ? {} : { readAgain: cellsToReadAgain };
const cached = await cachedReadings(args.indexOf('--extractions'));

/** The OCR readings a database holds, by file name (the newest extraction of each document); empty without --extractions. */
async function cachedReadings(at: number): Promise<Map<string, ExtractedDocument>> {
  if (at < 0) return new Map();
  const db = args[at + 1];
  // opening a path that is no database would make an empty one, and every scan be read again unasked
  if (!db || !existsSync(db)) {
    process.stderr.write(`ocr-accuracy: --extractions ${db ?? ''}: no such database\n`);
    process.exit(2);
  }
  const store = await openStore(db);
  try {
    const rows = await store.cachedDocuments();
    return new Map(rows.map((r) => [basename(r.file), ExtractedDocument.parse(JSON.parse(r.json))]));
  } finally {
    await store.close();
  }
}

const key = (r: AmountRecord) => `${r.table} p${r.page} row ${r.row} col ${r.col}`;

/**
 * A miss is flagged when its value says so (low confidence, repaired, or its unit assumed where the text
 * layer prints one), or validation points at its row: a finding on a cell of the same page and row as the
 * amount the text layer has there, or on a cell OCR read over that row and the next (their rule lost)
 * whose box takes in the row's middle.
 */
function flagged(truth: AmountRecord, read: AmountRecord | undefined, parsed: ParsedDocument): boolean {
  if (read && amountUnsure(read.flags)) return true;
  // a unit line OCR lost: the value says its unit was assumed, where the text layer's printed one
  if (read?.flags.includes('unit_assumed') && !truth.flags.includes('unit_assumed')) return true;
  if (!truth.bbox) return false;
  const cy = (truth.bbox.y0 + truth.bbox.y1) / 2;
  return parsed.findings.some((f) => f.severity !== 'info' && f.cells.some((c) => c.page === truth.page && c.bbox && (Math.abs((c.bbox.y0 + c.bbox.y1) / 2 - cy) < 5 || (c.bbox.y0 < cy && cy < c.bbox.y1))));
}

interface FileResult {
  file: string;
  /** the figures the text path's narrative states, and how many of them the OCR path states alike */
  facts: number;
  factsEqual: number;
  pages: number;
  seconds: number;
  cpuSeconds: number;
  sameTablesKindsPages: boolean;
  amounts: number;
  equal: number;
  meaning: number;
  ocrAmounts: number;
  missesFlagged: number;
  misses: string[];
  wrongMeanings: number;
  wrongFlagged: number;
}
const pairs = existsSync(scanned) ? readdirSync(scanned).filter((f) => f.toLowerCase().endsWith('.pdf') && existsSync(join(text, f))).sort() : [];
if (pairs.length === 0) {
  process.stderr.write(`ocr-accuracy: no PDF in ${scanned} has a twin of the same name in ${text}\n`);
  process.exit(2);
}
/** One scan and its twin extracted, parsed and compared, its line printed. */
async function measure(name: string): Promise<FileResult> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const ocrDoc = cached.get(name) ?? (await extractPdf(new Uint8Array(readFileSync(join(scanned, name))), name, { ocr: 'auto', ...readAgain }));
  const seconds = (performance.now() - t0) / 1000;
  // every thread of the process (the recognisers too): a fair figure on a machine others share
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  // the process's peak so far, after this file's OCR: which file raised it
  const peakSoFarMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  const textDoc = await extractPdf(new Uint8Array(readFileSync(join(text, name))), name, { ocr: 'never' });
  const po = parseDocument(ocrDoc);
  const pt = parseDocument(textDoc);
  const sameTables = JSON.stringify(pt.tables.map((t) => [t.kind, t.pages])) === JSON.stringify(po.tables.map((t) => [t.kind, t.pages]));
  const cmp = compareByCell(pt.records, po.records);
  const equal = cmp.equal;
  const misses = cmp.misses.map((m) => `${key(m.truth)} text ${m.truth.printed} ocr ${m.read?.printed ?? '(none)'}`);
  const missesFlagged = cmp.misses.filter((m) => flagged(m.truth, m.read, po)).length;
  // a wrong meaning is flagged as a miss is, or by a flag that doubts its code or measure
  const wrongMarked = cmp.wrongMeanings.map((w) => meaningUnsure(w.read.flags) || flagged(w.truth, w.read, po));
  const wrong = cmp.wrongMeanings.map((w, k) => `${key(w.truth)} ${w.truth.printed}: text ${w.truth.measure} ${w.truth.code ?? '-'} ocr ${w.read.measure} ${w.read.code ?? '-'}${wrongMarked[k] ? ' (flagged)' : ''}`);
  const wrongFlagged = wrongMarked.filter(Boolean).length;
  const extras = cmp.extras.length;
  const extraList = cmp.extras.map((e) => `${key(e)} ocr ${e.printed} (no such amount on the text layer)`);
  const facts = compareFacts(pt.facts, po.facts);
  const row = {
    file: name,
    facts: facts.facts,
    factsEqual: facts.equal,
    pages: ocrDoc.pageCount,
    ocrPages: ocrDoc.pages.filter((p) => p.source === 'ocr').length,
    seconds: Number(seconds.toFixed(1)),
    sameTablesKindsPages: sameTables,
    amounts: pt.records.length,
    equal,
    meaning: cmp.meaning,
    share: pt.records.length ? equal / pt.records.length : 1,
    ocrAmounts: po.records.length,
    precision: po.records.length ? equal / po.records.length : 1,
    secondsPerPage: Number((seconds / Math.max(1, ocrDoc.pageCount)).toFixed(2)),
    cpuSeconds: Number(cpuSeconds.toFixed(1)),
    peakSoFarMiB,
    missesFlagged,
    wrongMeanings: wrong.length,
    wrongFlagged,
    extras,
    ocrErrors: po.findings.filter((f) => f.severity === 'error').length,
    misses,
    wrongList: wrong,
    extraList,
  };
  process.stdout.write(
    `${name}: ${row.ocrPages}/${row.pages} pages by OCR ${cached.has(name) ? 'taken from the database' : `in ${row.seconds} s`}; tables ${sameTables ? 'same' : 'DIFFERENT'}; amounts ${equal}/${row.amounts} equal (${(row.share * 100).toFixed(2)}%), ${row.meaning} with measure and code too, precision ${(row.precision * 100).toFixed(2)}%, ${row.secondsPerPage} s/page (CPU ${(cpuSeconds / Math.max(1, ocrDoc.pageCount)).toFixed(2)} s/page, peak so far ${peakSoFarMiB} MiB), misses flagged ${missesFlagged}/${misses.length}, wrong meanings ${wrong.length} (flagged ${wrongFlagged}), extras ${extras}, error findings ${row.ocrErrors}, narrative figures ${facts.equal}/${facts.facts} equal\n`,
  );
  for (const m of [...misses.slice(0, 8), ...wrong.slice(0, 8), ...extraList.slice(0, 4)]) process.stdout.write(`    ${m}\n`);
  return row;
}

const results: FileResult[] = [];
const failed: string[] = [];
// a file that fails is said in one line and counted; the others are measured still
for (const name of pairs) {
  try {
    results.push(await measure(name));
  } catch (err) {
    failed.push(name);
    process.stdout.write(`${name}: failed: ${errorLine(err)}\n`);
  }
}
// recognisers started: a worker let go idle (or replaced) and started again costs about 0.5 s
const starts = sharedOcrEngine().workersStarted();
await closeSharedOcrEngine();
const sum = (f: (r: FileResult) => number) => results.reduce((s, r) => s + f(r), 0);
const missed = sum((r) => r.misses.length);
// with the small process that started this one again (glibc's setting), if one did: each at its peak
const launcherMiB = launcherPeakMiB();
const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024) + launcherMiB;
process.stdout.write(
  `overall: ${sum((r) => r.equal)}/${sum((r) => r.amounts)} equal (${((100 * sum((r) => r.equal)) / Math.max(1, sum((r) => r.amounts))).toFixed(2)}%), ${sum((r) => r.meaning)} with measure and code too (${((100 * sum((r) => r.meaning)) / Math.max(1, sum((r) => r.amounts))).toFixed(2)}%), precision ${((100 * sum((r) => r.equal)) / Math.max(1, sum((r) => r.ocrAmounts))).toFixed(2)}%, misses flagged ${sum((r) => r.missesFlagged)}/${missed}, wrong meanings ${sum((r) => r.wrongMeanings)} (flagged ${sum((r) => r.wrongFlagged)}), tables same in ${results.filter((r) => r.sameTablesKindsPages).length}/${results.length}, ${(sum((r) => r.seconds) / Math.max(1, sum((r) => r.pages))).toFixed(2)} s/page (CPU ${(sum((r) => r.cpuSeconds) / Math.max(1, sum((r) => r.pages))).toFixed(2)} s/page over all threads), peak memory ${peakMiB} MiB${launcherMiB ? ` (${launcherMiB} the launcher's)` : ''}, ${starts} recognisers started, narrative figures ${sum((r) => r.factsEqual)}/${sum((r) => r.facts)} equal${failed.length ? `, ${failed.length} failed: ${failed.join(', ')}` : ''}\n`,
);
if (jsonAt >= 0) writeFileSync(args[jsonAt + 1]!, JSON.stringify(results, null, 2));
// the figures stand for the files measured; a failed file makes the run's exit code say so
if (failed.length > 0) process.exitCode = 1;

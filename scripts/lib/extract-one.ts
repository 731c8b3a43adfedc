/**
 * One extraction in its own process, for whole-process benchmark timings. Prints one JSON line:
 * pages, seconds (inside the process), the peak resident memory and, for OCR, where the
 * recognisers' time went by kind of call.
 *   extract-one <file> --mode text|ocr|fullpage
 */
import { readFileSync } from 'node:fs';
import { closeSharedOcrEngine, extractPdf, ocrFullPages, sharedOcrEngine } from '@juesuan/extractor';

const [file, , mode = 'text'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: extract-one <file> --mode text|ocr|fullpage\n');
  process.exit(2);
}
const bytes = new Uint8Array(readFileSync(file));
const t0 = performance.now();
let pages = 0;
if (mode === 'fullpage') pages = (await ocrFullPages(bytes, file, sharedOcrEngine())).pages;
else pages = (await extractPdf(bytes, file, { ocr: mode === 'ocr' ? 'always' : 'never' })).pageCount;
const seconds = (performance.now() - t0) / 1000;
const recognition = mode === 'text' ? [] : sharedOcrEngine().recognitionTime();
const workersStarted = mode === 'text' ? 0 : sharedOcrEngine().workersStarted();
await closeSharedOcrEngine();
process.stdout.write(`${JSON.stringify({ pages, seconds, maxRssKb: process.resourceUsage().maxRSS, workersStarted, recognition })}\n`);

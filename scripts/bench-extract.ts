/**
 * Extraction speed of the text path on a folder of PDFs: pages per second and peak memory.
 *   pnpm bench:extract <folder> [--runs N]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdf } from '@juesuan/extractor';

const args = process.argv.slice(2);
if (args.length === 0 || args.includes('--help')) {
  process.stdout.write('usage: bench-extract <folder> [--runs N]\nExtracts every PDF of the folder N times (default 3) and prints the median seconds, pages/s and peak RSS.\n');
  process.exit(args.length === 0 ? 2 : 0);
}
const folder = args[0]!;
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
const files = readdirSync(folder).filter((f) => f.toLowerCase().endsWith('.pdf')).sort();
let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
// load pdfjs once, as a batch does, so the first file does not pay for it
await extractPdf(new Uint8Array(readFileSync(join(folder, files[0]!))), files[0]!).catch(() => undefined);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let totalPages = 0;
let totalSeconds = 0;
process.stdout.write(`${'file'.padEnd(50)} pages  median s  pages/s\n`);
for (const f of files) {
  const bytes = new Uint8Array(readFileSync(join(folder, f)));
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const doc = await extractPdf(bytes, f);
    times.push((performance.now() - t0) / 1000);
    pages = doc.pageCount;
  }
  const s = median(times);
  totalPages += pages;
  totalSeconds += s;
  process.stdout.write(`${f.slice(0, 48).padEnd(50)} ${String(pages).padStart(5)}  ${s.toFixed(2).padStart(8)}  ${(pages / s).toFixed(1).padStart(7)}\n`);
}
clearInterval(timer);
process.stdout.write(`all: ${totalPages} pages in ${totalSeconds.toFixed(2)} s = ${(totalPages / totalSeconds).toFixed(1)} pages/s; peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB\n`);

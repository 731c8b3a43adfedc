/**
 * Layout variants of a folder of reports with expected records, for measuring how the extractor
 * holds up on layouts the folder does not have: each PDF turned (90/180/270), with only its lines
 * across, only its lines down, no lines at all, its lines stopping short of their crossings, and
 * with its fonts' Unicode maps removed; and typeset again from its own extraction (plainly, with
 * each table's last row alone on a page of its own, with adjacent amounts touching). The
 * expected records stay the same, so `pnpm eval <out>` scores every variant. The content-stream
 * variants need qpdf on PATH.
 *   pnpm corpus-variants <folder> <out folder>
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { extractPdf } from '@juesuan/extractor';
import type { RetypesetLayout } from './lib/retypeset.ts';
import { retypeset } from './lib/retypeset.ts';

const [input, out] = process.argv.slice(2);
if (!input || !out || process.argv.includes('--help')) {
  process.stdout.write('usage: corpus-variants <folder with *.pdf and *.expected.jsonl> <out folder>\n  VARIANTS=name,name… makes only those (turned90 … short-lines need qpdf on PATH)\n');
  process.exit(input && out ? 0 : 2);
}
let qpdfChecked = false;
function qpdf(args: string[]): void {
  if (!qpdfChecked && spawnSync('qpdf', ['--version']).status !== 0) {
    process.stderr.write('corpus-variants: qpdf is not on PATH (Debian: apt-get install qpdf)\n');
    process.exit(2);
  }
  qpdfChecked = true;
  const r = spawnSync('qpdf', args, { encoding: 'utf8' });
  // qpdf exits 3 for warnings it recovered from
  if (r.status !== 0 && r.status !== 3) throw new Error(`qpdf ${args.join(' ')}: ${r.stderr.trim()}`);
}

/** Content streams written out plainly (qpdf's QDF form), edited, then repaired by fix-qdf. */
function editContent(source: string, target: string, edit: (pdf: Buffer) => Buffer): void {
  const dir = join(tmpdir(), `juesuan-variants-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const qdf = join(dir, 'q.pdf');
  qpdf(['--qdf', '--object-streams=disable', source, qdf]);
  const edited = join(dir, 'e.pdf');
  writeFileSync(edited, edit(readFileSync(qdf)));
  const fixed = spawnSync('fix-qdf', [edited], { maxBuffer: 1 << 30 });
  if (fixed.status !== 0) throw new Error(`fix-qdf: ${fixed.stderr.toString().trim()}`);
  writeFileSync(target, fixed.stdout);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Drops painted rules: thin filled rectangles (`x y w h re f`) and stroked paths. `keep` says
 * which thin rectangles stay: lines across ('h'), lines down ('v'), or none.
 */
function dropRules(keep: 'h' | 'v' | 'none'): (pdf: Buffer) => Buffer {
  return (pdf) => {
    let text = pdf.toString('latin1');
    text = text.replace(/([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re\n(f\*?)(?=\s)/g, (all, _x, _y, w: string, h: string) => {
      const width = Math.abs(Number(w));
      const height = Math.abs(Number(h));
      if (Math.min(width, height) > 3) return all; // a box, not a rule
      const across = width > height;
      if ((keep === 'h' && across) || (keep === 'v' && !across)) return all;
      return all.replace(/re\nf\*?$/, 're\nn');
    });
    if (keep === 'none') text = text.replace(/\nS\n/g, '\nn\n');
    return Buffer.from(text, 'latin1');
  };
}

/** Every rule (a thin filled rectangle) shortened by 5 points at each end: lines that stop short of their crossings. */
function shortenRules(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1').replace(/([\d.-]+) ([\d.-]+) ([\d.-]+) ([\d.-]+) re\n(f\*?)(?=\s)/g, (all, x: string, y: string, w: string, h: string, op: string) => {
    let [nx, ny, nw, nh] = [Number(x), Number(y), Number(w), Number(h)];
    if (Math.min(Math.abs(nw), Math.abs(nh)) > 3 || Math.max(Math.abs(nw), Math.abs(nh)) < 14) return all;
    if (Math.abs(nw) > Math.abs(nh)) [nx, nw] = [nx + 5 * Math.sign(nw), nw - 10 * Math.sign(nw)];
    else [ny, nh] = [ny + 5 * Math.sign(nh), nh - 10 * Math.sign(nh)];
    return `${nx.toFixed(2)} ${ny.toFixed(2)} ${nw.toFixed(2)} ${nh.toFixed(2)} re\n${op}`;
  });
  return Buffer.from(text, 'latin1');
}

const noUnicodeMaps = (pdf: Buffer) => Buffer.from(pdf.toString('latin1').replace(/\/ToUnicode \d+ 0 R/g, ''), 'latin1');

mkdirSync(out, { recursive: true });
/** Typeset again from the source's extraction; the figures say how much of the layout was made. */
function fromExtraction(layout: RetypesetLayout): (src: string, dst: string) => Promise<void> {
  return async (src, dst) => {
    const doc = await extractPdf(new Uint8Array(readFileSync(src)), basename(src));
    const { pdf, stats } = await retypeset(doc, layout);
    writeFileSync(dst, pdf);
    process.stdout.write(`${basename(dst)}: ${stats.pages} pages, ${stats.tables} tables, ${stats.rowsMoved} final rows alone, ${stats.touchingPairs} touching pairs\n`);
  };
}

const variants: Array<{ name: string; make: (src: string, dst: string) => void | Promise<void> }> = [
  { name: 'turned90', make: (s, d) => qpdf([s, '--rotate=+90', d]) },
  { name: 'turned180', make: (s, d) => qpdf([s, '--rotate=+180', d]) },
  { name: 'turned270', make: (s, d) => qpdf([s, '--rotate=+270', d]) },
  { name: 'across-only', make: (s, d) => editContent(s, d, dropRules('h')) },
  { name: 'down-only', make: (s, d) => editContent(s, d, dropRules('v')) },
  { name: 'no-lines', make: (s, d) => editContent(s, d, dropRules('none')) },
  { name: 'no-unicode-maps', make: (s, d) => editContent(s, d, noUnicodeMaps) },
  { name: 'short-lines', make: (s, d) => editContent(s, d, shortenRules) },
  { name: 'retypeset', make: fromExtraction('plain') },
  { name: 'final-row-alone', make: fromExtraction('final-row-alone') },
  { name: 'touching', make: fromExtraction('touching') },
];
const only = process.env.VARIANTS?.split(',');
let made = 0;
for (const file of readdirSync(input).filter((f) => f.toLowerCase().endsWith('.pdf'))) {
  const stem = file.replace(/\.pdf$/i, '');
  const expected = join(input, `${stem}.expected.jsonl`);
  if (!existsSync(expected)) continue;
  for (const v of variants.filter((x) => !only || only.includes(x.name))) {
    const name = `${v.name}-${stem}`;
    try {
      await v.make(join(input, file), join(out, `${name}.pdf`));
      copyFileSync(expected, join(out, `${name}.expected.jsonl`));
      made++;
    } catch (err) {
      process.stderr.write(`corpus-variants: ${basename(file)} (${v.name}): ${(err as Error).message}\n`);
    }
  }
}
process.stdout.write(`${made} variants written to ${out}\n`);

/**
 * Hostile PDFs for the robustness tests, made from a generated sample (never from a real report):
 *   flipped-font.pdf     bytes flipped inside the embedded font program
 *   throwing-page.pdf    one page of the page tree is not a page: reading it throws, the rest is fine
 *   huge-image.pdf       a few KB whose one image decodes to ~4.8 GB (a decompression bomb)
 *   many-operators.pdf   one page drawn with millions of path operators: slow to read, for time limits
 * Each is the sample plus an incremental update (new objects, a new xref section), so the
 * original bytes stay as they are.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';

interface Trailer {
  root: string;
  size: number;
  startxref: number;
}

function trailerOf(pdf: Buffer): Trailer {
  const text = pdf.toString('latin1');
  const tail = text.slice(text.lastIndexOf('trailer'));
  return {
    root: /\/Root\s+(\d+ \d+ R)/.exec(tail)![1]!,
    size: Number(/\/Size\s+(\d+)/.exec(tail)![1]),
    startxref: Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))![1]),
  };
}

/** The body of object `n` (between `n 0 obj` and `endobj`), as latin1 text. */
function objectText(pdf: Buffer, n: number): string {
  const text = pdf.toString('latin1');
  const at = text.search(new RegExp(`(^|\\n)${n} 0 obj\\b`));
  return text.slice(text.indexOf('obj', at) + 3, text.indexOf('endobj', at)).trim();
}

/** The sample with objects replaced or added by an incremental update. */
function withUpdate(pdf: Buffer, objects: Map<number, Buffer>): Buffer {
  const t = trailerOf(pdf);
  const parts: Buffer[] = [pdf, Buffer.from('\n')];
  let offset = pdf.length + 1;
  const offsets = new Map<number, number>();
  for (const [n, body] of [...objects].sort((a, b) => a[0] - b[0])) {
    const chunk = Buffer.concat([Buffer.from(`${n} 0 obj\n`), body, Buffer.from('\nendobj\n')]);
    offsets.set(n, offset);
    parts.push(chunk);
    offset += chunk.length;
  }
  let xref = 'xref\n';
  for (const [n, off] of [...offsets].sort((a, b) => a[0] - b[0])) xref += `${n} 1\n${String(off).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(t.size, ...[...objects.keys()].map((n) => n + 1));
  xref += `trailer\n<< /Size ${size} /Root ${t.root} /Prev ${t.startxref} >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

const streamObject = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

/** A small deterministic generator, so the same bytes are flipped every time. */
function* positions(seed: number, below: number): Generator<number> {
  let x = seed;
  for (;;) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    yield x % below;
  }
}

/** The embedded font program with bytes flipped inside its tables (its header left alone). */
function flippedFont(pdf: Buffer, flips: number, seed: number): Map<number, Buffer> {
  const n = Number(/\/FontFile[23]?\s+(\d+) 0 R/.exec(pdf.toString('latin1'))![1]);
  const body = objectText(pdf, n);
  const dict = body.slice(body.indexOf('<<') + 2, body.lastIndexOf('>>', body.indexOf('stream'))).replace(/\/Length\s+\d+/, '').trim();
  const raw = Buffer.from(body.slice(body.indexOf('stream') + 'stream'.length).replace(/^\r?\n/, '').replace(/\r?\n?endstream$/, ''), 'latin1');
  const font = Buffer.from(inflateSync(raw));
  const at = positions(seed, font.length - 64);
  for (let i = 0; i < flips; i++) {
    const p = 64 + at.next().value!;
    font[p] = font[p]! ^ 0xff;
  }
  return new Map([[n, streamObject(dict, deflateSync(font))]]);
}

/** The page tree with its second kid a broken node (its /Kids not an array): that page throws, the others read. */
function throwingPage(pdf: Buffer): Map<number, Buffer> {
  const text = pdf.toString('latin1');
  const pagesN = Number(/(\d+) 0 obj\s*<<\s*\/Type \/Pages/.exec(text)![1]);
  const pages = objectText(pdf, pagesN);
  const kids = /\/Kids \[([^\]]*)\]/.exec(pages)![1]!.trim().split(/\s+(?=\d+ 0 R)/);
  const bad = trailerOf(pdf).size;
  kids[1] = `${bad} 0 R`;
  return new Map([
    [pagesN, Buffer.from(pages.replace(/\/Kids \[[^\]]*\]/, `/Kids [${kids.join(' ')}]`), 'latin1')],
    [bad, Buffer.from(`<< /Type /Pages /Parent ${pagesN} 0 R /Count 1 /Kids 42 >>`)],
  ]);
}

/**
 * `mib` MiB of zeros as a zlib stream, built from one flushed deflate block repeated: the bomb
 * costs nothing to make. The outer Flate squeezes the repeats to a few KB.
 */
function zeroBomb(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(2 ** 20), { finishFlush: constants.Z_FULL_FLUSH });
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((mib * 2 ** 20) % 65521) * 65536 + 1) >>> 0);
  const inner = Buffer.concat([Buffer.from([0x78, 0x01]), ...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00]), adler]);
  return deflateSync(inner, { level: 9 });
}

/** A page whose one image is 16384 × 98304 RGB (4.5 GiB decoded), drawn over the first page. */
function hugeImage(pdf: Buffer): Map<number, Buffer> {
  const size = trailerOf(pdf).size;
  const [page, content, image] = [size, size + 1, size + 2];
  const pagesN = Number(/(\d+) 0 obj\s*<<\s*\/Type \/Pages/.exec(pdf.toString('latin1'))![1]);
  return new Map([
    [page, Buffer.from(`<< /Type /Page /Parent ${pagesN} 0 R /MediaBox [0 0 595.28 841.89] /Contents ${content} 0 R /Resources << /XObject << /Im1 ${image} 0 R >> >> >>`)],
    [content, streamObject('', Buffer.from('q 500 0 0 700 40 60 cm /Im1 Do Q'))],
    [image, streamObject('/Type /XObject /Subtype /Image /Width 16384 /Height 98304 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter [/FlateDecode /FlateDecode]', zeroBomb(4608))],
    [pagesN, Buffer.from(objectText(pdf, pagesN).replace(/\/Kids \[/, `/Kids [${page} 0 R `).replace(/\/Count (\d+)/, (_, c: string) => `/Count ${Number(c) + 1}`), 'latin1')],
  ]);
}

/** The first page drawn over with `ops` short ruled lines: millions of operators, a few hundred KB. */
function manyOperators(pdf: Buffer, ops: number): Map<number, Buffer> {
  const text = pdf.toString('latin1');
  const firstKid = Number(/\/Kids \[(\d+) 0 R/.exec(text)![1]);
  const pageBody = objectText(pdf, firstKid);
  const extra = trailerOf(pdf).size;
  const lines = Array.from({ length: ops }, (_, i) => `${(i % 100) + 20} 20 m ${(i % 100) + 21} 20 l S`).join('\n');
  const contents = /\/Contents\s+(\d+ 0 R)/.exec(pageBody)![1]!;
  return new Map([
    [extra, streamObject('/Filter /FlateDecode', deflateSync(Buffer.from(lines), { level: 9 }))],
    [firstKid, Buffer.from(pageBody.replace(/\/Contents\s+\d+ 0 R/, `/Contents [${contents} ${extra} 0 R]`), 'latin1')],
  ]);
}

/** Writes the hostile samples into `dir`, all made from the generated `source` sample. */
export function makeHostileSamples(source: string, dir: string): void {
  const pdf = readFileSync(source);
  writeFileSync(join(dir, 'flipped-font.pdf'), withUpdate(pdf, flippedFont(pdf, 40, 7)));
  writeFileSync(join(dir, 'throwing-page.pdf'), withUpdate(pdf, throwingPage(pdf)));
  writeFileSync(join(dir, 'huge-image.pdf'), withUpdate(pdf, hugeImage(pdf)));
  writeFileSync(join(dir, 'many-operators.pdf'), withUpdate(pdf, manyOperators(pdf, 3_000_000)));
}

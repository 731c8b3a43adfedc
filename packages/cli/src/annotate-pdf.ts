import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PDFPage } from 'pdf-lib';
import type { BBox, Finding } from '@juesuan/model';

const require = createRequire(import.meta.url);

/** Noto Sans SC from @embedpdf/fonts-sc: the package exports no file paths, so its folder is found through its entry. */
const CJK_FONT = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');

const COLORS: Record<Finding['severity'], [number, number, number]> = { error: [0.85, 0.1, 0.1], warning: [0.95, 0.55, 0], info: [0.2, 0.4, 0.85] };

/**
 * A box in the extractor's frame (top-left origin, y down, the page as shown after /Rotate) →
 * PDF user space of the page.
 */
function toUserSpace(page: PDFPage, b: BBox, turned: number): { x: number; y: number; width: number; height: number } {
  const cb = page.getCropBox();
  // the extractor read a sideways page turned back by `turned` degrees from its /Rotate
  const rotation = ((((page.getRotation().angle - turned) % 360) + 360) % 360);
  const point = (vx: number, vy: number): [number, number] => {
    if (rotation === 90) return [cb.x + vy, cb.y + vx];
    if (rotation === 180) return [cb.x + cb.width - vx, cb.y + vy];
    if (rotation === 270) return [cb.x + cb.width - vy, cb.y + cb.height - vx];
    return [cb.x + vx, cb.y + cb.height - vy];
  };
  const [ax, ay] = point(b.x0, b.y0);
  const [bx, by] = point(b.x1, b.y1);
  return { x: Math.min(ax, bx), y: Math.min(ay, by), width: Math.abs(bx - ax), height: Math.abs(by - ay) };
}

/**
 * The PDF with a numbered box on each finding's evidence and the list of findings on pages at
 * the end. The boxes are drawn with pdf-lib (digits only, a standard font); the findings pages are
 * set by pdfkit, whose font subsetting keeps the CJK font small and valid, and copied in.
 */
export async function annotatePdf(bytes: Uint8Array, findings: Finding[], title: string, turnedOf: (page: number) => number = () => 0): Promise<Uint8Array> {
  // loaded here, not with the command: the two PDF libraries are half a second of every start
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes);
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages = pdf.getPages();
  findings.forEach((f, i) => {
    const color = rgb(...COLORS[f.severity]);
    for (const e of f.evidence ?? []) {
      const page = e.page !== null ? pages[e.page - 1] : undefined;
      if (!page || !e.bbox) continue;
      const r = toUserSpace(page, { x0: e.bbox.x0 - 2, y0: e.bbox.y0 - 2, x1: e.bbox.x1 + 2, y1: e.bbox.y1 + 2 }, turnedOf(e.page!));
      page.drawRectangle({ ...r, borderColor: color, borderWidth: 1.2, borderOpacity: 0.9 });
      const label = String(i + 1);
      const size = 8;
      page.drawRectangle({ x: r.x, y: r.y + r.height, width: font.widthOfTextAtSize(label, size) + 4, height: size + 3, color });
      page.drawText(label, { x: r.x + 2, y: r.y + r.height + 2.5, size, font, color: rgb(1, 1, 1) });
    }
  });
  const list = await PDFDocument.load(await findingsPages(findings, title));
  for (const p of await pdf.copyPages(list, list.getPageIndices())) pdf.addPage(p);
  return pdf.save();
}

const HEX = { error: '#d91a1a', warning: '#f28c00', info: '#3366d9' } as const;

/** The findings, numbered as on the boxes, with page, rule and both messages. */
async function findingsPages(findings: Finding[], title: string): Promise<Uint8Array> {
  const { default: PDFKit } = await import('pdfkit');
  const doc = new PDFKit({ size: 'A4', margin: 48 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((res) => doc.on('end', () => res()));
  doc.registerFont('cjk', CJK_FONT);
  doc.font('cjk').fontSize(14).fillColor('black').text(`审核意见 Findings — ${title}`);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  doc.fontSize(10).fillColor('#555555').text(`${findings.length} 条：错误 ${count('error')}，警告 ${count('warning')}，提示 ${count('info')}`).moveDown(0.6);
  findings.forEach((f, i) => {
    const pagesOf = [...new Set((f.evidence ?? []).map((e) => e.page).filter((p) => p !== null))].join(', ');
    doc.fontSize(10).fillColor(HEX[f.severity]).text(`${i + 1}. [${f.severity}] ${f.rule}${pagesOf ? `（第 ${pagesOf} 页）` : ''}`);
    doc.fontSize(9.5).fillColor('black').text(f.messageZh, { indent: 14 });
    doc.fontSize(8.5).fillColor('#555555').text(f.messageEn, { indent: 14 }).moveDown(0.3);
  });
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

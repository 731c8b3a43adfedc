import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { PDFDocument, degrees, rgb } from 'pdf-lib';
import type { BBox, Finding } from '@juesuan/model';

const require = createRequire(import.meta.url);

/** Noto Sans SC from @embedpdf/fonts-sc: the package exports no file paths, so its folder is found through its entry. */
function cjkFontBytes(): Uint8Array {
  return new Uint8Array(readFileSync(join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf')));
}

const COLORS = { error: rgb(0.85, 0.1, 0.1), warning: rgb(0.95, 0.55, 0), info: rgb(0.2, 0.4, 0.85) } as const;

/**
 * A box in the extractor's frame (top-left origin, y down, the page as shown after /Rotate) →
 * PDF user space of the page.
 */
function toUserSpace(page: PDFPage, b: BBox): { x: number; y: number; width: number; height: number } {
  const cb = page.getCropBox();
  const rotation = ((page.getRotation().angle % 360) + 360) % 360;
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

/** Lines of at most `width` points: Chinese breaks between any two characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (font.widthOfTextAtSize(line + ch, size) > width && line !== '') {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The PDF with a numbered box on each finding's evidence and the list of findings on pages at the end. */
export async function annotatePdf(bytes: Uint8Array, findings: Finding[], title: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: false });
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(cjkFontBytes(), { subset: true });
  const pages = pdf.getPages();
  findings.forEach((f, i) => {
    const color = COLORS[f.severity];
    for (const e of f.evidence ?? []) {
      const page = e.page !== null ? pages[e.page - 1] : undefined;
      if (!page || !e.bbox) continue;
      const r = toUserSpace(page, { x0: e.bbox.x0 - 2, y0: e.bbox.y0 - 2, x1: e.bbox.x1 + 2, y1: e.bbox.y1 + 2 });
      page.drawRectangle({ ...r, borderColor: color, borderWidth: 1.2, opacity: 0, borderOpacity: 0.9 });
      const label = String(i + 1);
      const size = 8;
      const w = font.widthOfTextAtSize(label, size) + 4;
      page.drawRectangle({ x: r.x, y: r.y + r.height, width: w, height: size + 3, color });
      page.drawText(label, { x: r.x + 2, y: r.y + r.height + 2, size, font, color: rgb(1, 1, 1), rotate: degrees(0) });
    }
  });
  writeFindingsPages(pdf, font, findings, title);
  return pdf.save();
}

function writeFindingsPages(pdf: PDFDocument, font: PDFFont, findings: Finding[], title: string): void {
  const [W, H, M] = [595.28, 841.89, 48];
  let page = pdf.addPage([W, H]);
  let y = H - M;
  const line = (text: string, size: number, color = rgb(0, 0, 0), indent = 0) => {
    for (const l of wrap(text, font, size, W - 2 * M - indent)) {
      if (y < M + size) {
        page = pdf.addPage([W, H]);
        y = H - M;
      }
      page.drawText(l, { x: M + indent, y: y - size, size, font, color });
      y -= size * 1.45;
    }
  };
  line(`审核意见 Findings — ${title}`, 14);
  line(`${findings.length} 条：错误 ${findings.filter((f) => f.severity === 'error').length}，警告 ${findings.filter((f) => f.severity === 'warning').length}`, 10, rgb(0.3, 0.3, 0.3));
  y -= 6;
  findings.forEach((f, i) => {
    const pagesOf = [...new Set((f.evidence ?? []).map((e) => e.page).filter((p) => p !== null))].join(', ');
    line(`${i + 1}. [${f.severity}] ${f.rule}${pagesOf ? `（第 ${pagesOf} 页）` : ''}`, 10, COLORS[f.severity]);
    line(f.messageZh, 9.5, rgb(0, 0, 0), 14);
    line(f.messageEn, 8.5, rgb(0.35, 0.35, 0.35), 14);
    y -= 4;
  });
}

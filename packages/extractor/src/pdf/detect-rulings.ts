import type { Ruling } from '@juesuan/model';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadPdfjs } from './load-pdfjs.ts';
import type { Matrix } from './matrix.ts';
import { apply, multiply } from './matrix.ts';

/** Thicker than this, a filled rectangle is a shaded area, not a line. */
const MAX_LINE_THICKNESS = 3;
/** Collinear pieces closer than this (points) are one line. */
const JOIN_GAP = 2;
/** Parallel pieces closer than this (points) are one line: a drawn line's pieces share their position. */
const SAME_POSITION = 1;

// path opcodes of pdfjs' packed path data (DrawOPS)
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function isNearWhite(color: unknown): boolean {
  if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/i.test(color)) return false;
  const v = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return v.every((c) => c > 235);
}

/** Splits packed path data into subpaths of transformed points. */
function subpaths(data: ArrayLike<number>, ctm: Matrix): Array<{ points: Array<[number, number]>; closed: boolean; curved: boolean }> {
  const out: Array<{ points: Array<[number, number]>; closed: boolean; curved: boolean }> = [];
  let current: { points: Array<[number, number]>; closed: boolean; curved: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++]!;
    if (op === MOVE) {
      current = { points: [apply(ctm, data[i]!, data[i + 1]!)], closed: false, curved: false };
      out.push(current);
      i += 2;
    } else if (op === LINE) {
      if (!current) {
        current = { points: [], closed: false, curved: false };
        out.push(current);
      }
      current.points.push(apply(ctm, data[i]!, data[i + 1]!));
      i += 2;
    } else if (op === CURVE) {
      if (current) {
        current.curved = true;
        current.points.push(apply(ctm, data[i + 4]!, data[i + 5]!));
      }
      i += 6;
    } else if (op === QUAD) {
      if (current) {
        current.curved = true;
        current.points.push(apply(ctm, data[i + 2]!, data[i + 3]!));
      }
      i += 4;
    } else if (op === CLOSE) {
      if (current) current.closed = true;
    } else {
      break; // unknown opcode: stop rather than misread the rest
    }
  }
  return out;
}

function segmentsOf(points: Array<[number, number]>, closed: boolean): Segment[] {
  const segs: Segment[] = [];
  for (let k = 1; k < points.length; k++) {
    const [ax, ay] = points[k - 1]!;
    const [bx, by] = points[k]!;
    segs.push({ x0: ax, y0: ay, x1: bx, y1: by });
  }
  if (closed && points.length > 2) {
    const [ax, ay] = points[points.length - 1]!;
    const [bx, by] = points[0]!;
    segs.push({ x0: ax, y0: ay, x1: bx, y1: by });
  }
  return segs;
}

function toRuling(s: Segment): Ruling | null {
  const dx = Math.abs(s.x1 - s.x0);
  const dy = Math.abs(s.y1 - s.y0);
  if (dx < 0.5 && dy < 0.5) return null;
  if (dy <= 0.5 && dx > dy) return { orientation: 'h', at: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) };
  if (dx <= 0.5 && dy > dx) return { orientation: 'v', at: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) };
  return null;
}

/**
 * A filled thin axis-aligned rectangle drawn as a table line; or a thin trapezoid, a cell border
 * mitered at its corners (WPS and Excel exports: 798 → 42 along the top, 42.75 → 797.25 along the bottom).
 */
export function rectangleRuling(points: Array<[number, number]>): Ruling | null {
  if (points.length < 4 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  // every point on the box's corners, give or take a miter as deep as the line is thick along its length
  const miter = Math.min(w, h) + 0.5;
  const near = (v: number, a: number, b: number, d: number) => Math.abs(v - a) < d || Math.abs(v - b) < d;
  const onCorners = (dx: number, dy: number) => points.every(([x, y]) => near(x, x0, x1, dx) && near(y, y0, y1, dy));
  if (h <= MAX_LINE_THICKNESS && w > h && onCorners(miter, 0.5)) return { orientation: 'h', at: (y0 + y1) / 2, from: x0, to: x1 };
  if (w <= MAX_LINE_THICKNESS && h > w && onCorners(0.5, miter)) return { orientation: 'v', at: (x0 + x1) / 2, from: y0, to: y1 };
  return null;
}

/** Joins collinear pieces that touch or overlap. */
export function mergeRulings(rulings: Ruling[], samePosition = SAME_POSITION): Ruling[] {
  const out: Ruling[] = [];
  for (const orientation of ['h', 'v'] as const) {
    const list = rulings.filter((r) => r.orientation === orientation).sort((a, b) => a.at - b.at || a.from - b.from);
    // group by position: near the group's mean, so a slanted line's pieces (335.9 … 337.1) stay one group
    const groups: Array<{ sum: number; members: Ruling[] }> = [];
    for (const r of list) {
      const g = groups[groups.length - 1];
      if (g && Math.abs(g.sum / g.members.length - r.at) <= samePosition) {
        g.members.push(r);
        g.sum += r.at;
      } else groups.push({ sum: r.at, members: [r] });
    }
    for (const { sum, members: g } of groups) {
      const at = sum / g.length;
      g.sort((a, b) => a.from - b.from);
      let cur: Ruling | null = null;
      for (const r of g) {
        if (cur && r.from <= cur.to + JOIN_GAP) cur.to = Math.max(cur.to, r.to);
        else {
          if (cur) out.push(cur);
          cur = { orientation, at, from: r.from, to: r.to };
        }
      }
      if (cur) out.push(cur);
    }
  }
  return out;
}

/** A page that is nothing but one image (a scan): the image's size in pixels. */
export interface SoleImage {
  width: number;
  height: number;
}

/**
 * Rulings from the page's operator list: stroked lines and thin filled rectangles become
 * horizontal and vertical segments. Read before any rendering, which rewrites path data.
 */
export async function detectRulings(page: PDFPageProxy, viewport: Matrix, pageArea: number): Promise<{ rulings: Ruling[]; imageCoverage: number; soleImage: SoleImage | null }> {
  const { OPS } = await loadPdfjs();
  const ops = await page.getOperatorList();
  const found: Ruling[] = [];
  let ctm: Matrix = viewport;
  let stroke: unknown = '#000000';
  let fill: unknown = '#000000';
  const stack: Array<{ ctm: Matrix; stroke: unknown; fill: unknown }> = [];
  const strokeOps = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set<number>([OPS.fill, OPS.eoFill]);
  let imageArea = 0;
  const imageOps = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const placing = new Set<number>([OPS.save, OPS.restore, OPS.transform, OPS.dependency]);
  let images = 0;
  let others = 0;
  let sole: SoleImage | null = null;
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i]!;
    if (imageOps.has(fn)) images++;
    else if (!placing.has(fn)) others++;
    if (fn === OPS.paintImageXObject) {
      const [, width, height] = ops.argsArray[i] as [string, number, number];
      sole = { width, height };
    }
    if (imageOps.has(fn)) {
      // an image fills the unit square of the current transform
      const corners = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      imageArea += (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
      continue;
    }
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, stroke, fill });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, stroke, fill } = s);
        break;
      }
      case OPS.transform:
        ctm = multiply(ctm, args as unknown as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ctm, stroke, fill });
        if (Array.isArray(args?.[0]) || ArrayBuffer.isView(args?.[0])) ctm = multiply(ctm, Array.from(args![0] as ArrayLike<number>) as Matrix);
        break;
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, stroke, fill } = s);
        break;
      }
      case OPS.setStrokeRGBColor:
        stroke = args?.[0];
        break;
      case OPS.setFillRGBColor:
        fill = args?.[0];
        break;
      case OPS.constructPath: {
        const paintOp = args?.[0] as number;
        const data = (args?.[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | undefined;
        if (!data) break;
        const isStroke = strokeOps.has(paintOp);
        const isFill = fillOps.has(paintOp) || paintOp === OPS.fillStroke || paintOp === OPS.eoFillStroke;
        if (!isStroke && !isFill) break; // clipping paths and invisible paths
        for (const sp of subpaths(data, ctm)) {
          if (sp.curved) continue;
          if (isStroke && !isNearWhite(stroke)) {
            for (const seg of segmentsOf(sp.points, sp.closed)) {
              const r = toRuling(seg);
              if (r) found.push(r);
            }
          } else if (isFill && !isNearWhite(fill)) {
            const r = rectangleRuling(sp.points);
            if (r) found.push(r);
          }
        }
        break;
      }
      default:
        break;
    }
  }
  return { rulings: mergeRulings(found), imageCoverage: Math.min(1, imageArea / Math.max(1, pageArea)), soleImage: images === 1 && others === 0 ? sole : null };
}

import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';
import { createCanvas } from '@napi-rs/canvas';

/**
 * A canvas this many pixels or more is kept for the next that wants its size: a fresh A4 page at
 * 300 dpi (35 MB of RGBA) is about 100 ms of page faults and zeroing, a kept one 5 ms to clear.
 */
const KEPT_PIXELS = 4_000_000;
/** Kept canvases are let go once unused this long: a process between scans holds none. */
const IDLE_MS = 5000;

/** What pdf.js draws on: a canvas and its 2D context (both null once destroyed). */
export interface CanvasAndContext {
  canvas: Canvas | null;
  context: SKRSContext2D | null;
}

const letGo = (canvas: Canvas) => {
  canvas.width = 0;
  canvas.height = 0;
};

/** The own properties of a context as @napi-rs/canvas makes it: pdf.js adds others (a fill rule, methods it forwards). */
let freshKeys: ReadonlySet<string> | undefined;

/** A context as a new canvas's: pdf.js's own properties deleted (its methods back to the prototype's), then reset, pixels cleared too. */
function asNew(context: SKRSContext2D): void {
  for (const key of Object.getOwnPropertyNames(context)) if (!freshKeys!.has(key)) delete (context as unknown as Record<string, unknown>)[key];
  context.reset();
}

/** Large canvases of one use kept for the next of that use and size, up to `size` of them. */
export class CanvasPool {
  private readonly kept: Canvas[] = [];
  private idle: NodeJS.Timeout | undefined;

  constructor(private readonly size: number) {}

  /** A canvas of the size, blank and as new: a kept one, else a new one. */
  take(width: number, height: number): Canvas {
    const k = this.kept.findIndex((c) => c.width === width && c.height === height);
    if (k < 0) {
      // large ones of another size now (a landscape page among portrait ones): those kept are let go before one is made
      if (width * height >= KEPT_PIXELS) this.kept.splice(0).forEach(letGo);
      const canvas = createCanvas(width, height);
      freshKeys ??= new Set(Object.getOwnPropertyNames(canvas.getContext('2d')));
      return canvas;
    }
    const [canvas] = this.kept.splice(k, 1);
    asNew(canvas!.getContext('2d'));
    return canvas!;
  }

  /** A canvas done with: a large one kept (the oldest let go past the pool's size), a small one let go. */
  give(canvas: Canvas): void {
    if (canvas.width * canvas.height < KEPT_PIXELS) return letGo(canvas);
    this.kept.push(canvas);
    while (this.kept.length > this.size) letGo(this.kept.shift()!);
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.kept.splice(0).forEach(letGo), IDLE_MS);
    // the timer keeps no process alive
    this.idle.unref();
  }
}

/**
 * Page rasters drawn for OCR, and pdf.js's scratch canvases (a scan's page image is put on one of
 * its size, then drawn on the page), each kept for their own use only: a page drawn on a canvas
 * pdf.js had used for a transparency group came out black where a new one stays white (a cause
 * inside the canvas library not found; kept apart, 400 pages of every corpus drew byte for byte as on new canvases).
 */
export const pageCanvases = new CanvasPool(1);
const scratchCanvases = new CanvasPool(1);

/** pdf.js's canvas factory (getDocument's CanvasFactory), its large canvases reused across pages and documents. */
export class PooledCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    const canvas = scratchCanvases.take(width, height);
    return { canvas, context: canvas.getContext('2d') };
  }

  reset(entry: CanvasAndContext, width: number, height: number): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    if (width <= 0 || height <= 0) throw new Error('Invalid canvas size');
    scratchCanvases.give(entry.canvas);
    entry.canvas = scratchCanvases.take(width, height);
    entry.context = entry.canvas.getContext('2d');
  }

  destroy(entry: CanvasAndContext): void {
    if (!entry.canvas) throw new Error('Canvas is not specified');
    scratchCanvases.give(entry.canvas);
    entry.canvas = null;
    entry.context = null;
  }
}

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import type { GrayImage } from '../pdf/render-page.ts';

const FONT = join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
GlobalFonts.registerFromPath(FONT, 'PrintedTestSans');

/** Where the lines of `printedLines` stand: 44 px type, a line every 70 px, its foot at 52 px into it. */
export const PRINT = { size: 44, pitch: 70, baseline: 52 } as const;

/** Lines of Chinese print as a 300-dpi scan holds them, for tests: black on white, 30 px from the left. */
export function printedLines(lines: string[]): GrayImage {
  const width = 60 + PRINT.size * Math.max(...lines.map((l) => l.length));
  const height = PRINT.pitch * lines.length;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = 'white';
  g.fillRect(0, 0, width, height);
  g.fillStyle = 'black';
  g.font = `${PRINT.size}px PrintedTestSans`;
  lines.forEach((l, k) => g.fillText(l, 30, PRINT.baseline + PRINT.pitch * k));
  const rgba = g.getImageData(0, 0, width, height).data;
  return { width, height, data: new Uint8Array(width * height).map((_, i) => rgba[i * 4]!), scale: 300 / 72 };
}

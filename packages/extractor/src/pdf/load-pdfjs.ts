import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeJpeg } from './native-jpeg.ts';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/**
 * Local data folders of the installed pdfjs-dist: nothing is fetched from the network. Paths,
 * not file: URLs: pdfjs reads `${folder}${name}` with fs.readFile in Node, which takes no URL string.
 */
export const pdfjsData = {
  cMapUrl: join(pdfjsRoot, 'cmaps') + '/',
  standardFontDataUrl: join(pdfjsRoot, 'standard_fonts') + '/',
  // the decoders of JPEG 2000 (a scanner's JPXDecode pages) and of colour profiles
  wasmUrl: join(pdfjsRoot, 'wasm') + '/',
};

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let cached: Promise<Pdfjs> | undefined;
// a file URL, not a name: it resolves from a bundled worker too (and the module has no type declarations)
const PDFJS_WORKER = pathToFileURL(join(pdfjsRoot, 'legacy/build/pdf.worker.mjs')).href;

/** The legacy build is the one that runs in Node. */
export function loadPdfjs(): Promise<Pdfjs> {
  cached ??= importKeepingNatives();
  return cached;
}

/**
 * The legacy build's core-js replaces Array.prototype.push, JSON.parse and JSON.stringify
 * process-wide with slower spec-edge polyfills (push alone was 8% of extraction time);
 * Node 20's own are kept. Additions (Promise.withResolvers, Set methods …) stay.
 */
async function importKeepingNatives(): Promise<Pdfjs> {
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // the in-thread worker, loaded now rather than at the first document (it carries the same polyfills)
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = (await import(PDFJS_WORKER)) as unknown;
  // our patch of pdf.js decodes a scan's JPEG pages with this, natively (patches/)
  (globalThis as { pdfjsNativeJpegDecoder?: unknown }).pdfjsNativeJpegDecoder = decodeJpeg;
  Object.defineProperty(Array.prototype, 'push', { value: natives.push, writable: true, configurable: true, enumerable: false });
  Object.assign(JSON, { parse: natives.parse, stringify: natives.stringify });
  return pdfjs;
}

/** Loads pdfjs ahead of the first document (a worker does it before it takes work). */
export async function preloadPdfjs(): Promise<void> {
  await loadPdfjs();
}

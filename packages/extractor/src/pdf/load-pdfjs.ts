import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));

/** Local data folders of the installed pdfjs-dist: nothing is fetched from the network. */
export const pdfjsData = {
  cMapUrl: pathToFileURL(join(pdfjsRoot, 'cmaps') + '/').href,
  standardFontDataUrl: pathToFileURL(join(pdfjsRoot, 'standard_fonts') + '/').href,
};

export type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let cached: Promise<Pdfjs> | undefined;

/** The legacy build is the one that runs in Node. */
export function loadPdfjs(): Promise<Pdfjs> {
  cached ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return cached;
}

/** Loads pdfjs ahead of the first document (a worker does it before it takes work). */
export async function preloadPdfjs(): Promise<void> {
  await loadPdfjs();
}

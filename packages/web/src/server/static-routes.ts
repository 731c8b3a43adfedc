import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import type { ServerContext } from './context.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

const require = createRequire(import.meta.url);
const PDFJS_DIR = dirname(require.resolve('pdfjs-dist/package.json'));
// the package exports no file paths: its fonts folder is found beside its entry
const CJK_FONT_DIR = join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts');

/** A file under `root`, or null: a path that climbs out of it is never read. */
function fileUnder(root: string, path: string): { body: Buffer; type: string } | null {
  try {
    const full = normalize(join(root, decodeURIComponent(path)));
    if (!full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
    if (!statSync(full).isFile()) return null;
    return { body: readFileSync(full), type: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}

/** The built app and pdf.js's character maps and fonts: every asset from this machine. */
export function staticRoutes(ctx: ServerContext): Hono {
  const app = new Hono();
  app.get('/pdfjs/:dir{cmaps|standard_fonts|wasm}/:file{[A-Za-z0-9_.-]+}', (c) => {
    const f = fileUnder(join(PDFJS_DIR, c.req.param('dir')), c.req.param('file'));
    return f ? c.body(new Uint8Array(f.body), 200, { 'content-type': f.type, 'cache-control': 'public, max-age=86400' }) : c.notFound();
  });
  // Chinese text looks right on machines without a CJK font
  app.get('/fonts/cjk.otf', (c) => {
    const f = fileUnder(CJK_FONT_DIR, 'NotoSansHans-Regular.otf');
    return f ? c.body(new Uint8Array(f.body), 200, { 'content-type': 'font/otf', 'cache-control': 'public, max-age=604800' }) : c.notFound();
  });
  app.get('/*', (c) => {
    const path = c.req.path === '/' ? 'index.html' : c.req.path.slice(1);
    const f = fileUnder(ctx.clientDir, path) ?? (extname(path) === '' ? fileUnder(ctx.clientDir, 'index.html') : null);
    return f ? c.body(new Uint8Array(f.body), 200, { 'content-type': f.type }) : c.notFound();
  });
  return app;
}

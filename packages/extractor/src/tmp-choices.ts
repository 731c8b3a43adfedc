import { createCanvas } from '@napi-rs/canvas';
import Tesseract from 'tesseract.js';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
const require = createRequire(import.meta.url);
const c = createCanvas(260, 50); const g = c.getContext('2d');
g.fillStyle = 'white'; g.fillRect(0, 0, 260, 50); g.fillStyle = 'black'; g.font = '20px sans-serif'; g.filter='blur(1.3px)'; g.fillText('13,377.11', 10, 36);
const png = c.toBuffer('image/png');
const lp = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
const w = await Tesseract.createWorker('eng', 1, { langPath: lp, gzip: true, cacheMethod: 'none' });
for (const mode of ['0', '2']) {
await w.setParameters({ tessedit_pageseg_mode: '7' as Tesseract.PSM, tessedit_char_whitelist: '0123456789.,-() ', lstm_choice_mode: mode } as never);
const r = await w.recognize(png, {}, { text: true, blocks: true, hocr: true });
const word = r.data.blocks![0]!.paragraphs[0]!.lines[0]!.words[0]!;
console.log(mode, r.data.text, r.data.hocr, JSON.stringify(word.choices), JSON.stringify(word.symbols.map((s) => [s.text, s.confidence, (s as any).choices])));
}
await w.terminate();

import { createRequire } from 'node:module';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';
import { toPgm } from './image-ops.ts';
import { lineWidthShare } from './width-shares.ts';
import { printedLines } from './printed-lines.testkit.ts';
import { OcrEngine } from './tesseract-pool.ts';

describe('OcrEngine', () => {
  const engine = new OcrEngine(1);
  afterAll(() => engine.close());

  it('rejects a recognition that fails, and only that call: the process and the next call go on', async () => {
    await expect(engine.recognize(Buffer.from('not an image'), { lang: 'eng', psm: 7 })).rejects.toThrow(/read image/);
    const paper = Buffer.concat([Buffer.from('P5\n40 20\n255\n'), Buffer.alloc(800, 255)]);
    await expect(engine.recognize(paper, { lang: 'eng', psm: 7 })).resolves.toMatchObject({ confidence: expect.any(Number) });
  });

  it('tells where the recognisers’ time went, by kind of call, counting only calls that read', async () => {
    const paper = Buffer.concat([Buffer.from('P5\n40 20\n255\n'), Buffer.alloc(800, 255)]);
    const before = engine.recognitionTime().find((t) => t.kind === 'eng psm 7 digits')?.calls ?? 0;
    await engine.recognize(paper, { lang: 'eng', psm: 7, whitelist: '0123456789' });
    await engine.recognize(paper, { lang: 'eng', psm: 7, whitelist: '0123456789' });
    await expect(engine.recognize(Buffer.from('not an image'), { lang: 'eng', psm: 7, whitelist: '0123456789' })).rejects.toThrow();
    const digits = engine.recognitionTime().find((t) => t.kind === 'eng psm 7 digits')!;
    expect(digits.calls - before).toBe(2);
    expect(digits.seconds).toBeGreaterThan(0);
  });

  it('reads digits only as printed, dark on light: a line is not tried again inverted', async () => {
    const line = (ink: string, paper: string) => {
      const canvas = createCanvas(360, 80);
      const g = canvas.getContext('2d');
      g.fillStyle = paper;
      g.fillRect(0, 0, 360, 80);
      g.fillStyle = ink;
      g.font = '40px sans-serif';
      g.fillText('12,345.67', 30, 55);
      const rgba = g.getImageData(0, 0, 360, 80).data;
      const img = { width: 360, height: 80, data: new Uint8Array(360 * 80).map((_, i) => rgba[i * 4]!), scale: 1 };
      return toPgm(img, { x0: 0, y0: 0, x1: 360, y1: 80 });
    };
    const digits = { lang: 'eng', psm: 7, whitelist: '0123456789,.' } as const;
    expect((await engine.recognize(line('black', 'white'), digits)).text.trim()).toBe('12,345.67');
    // white print on black: tesseract reads it only by inverting, which the digits' calls leave out
    expect((await engine.recognize(line('white', 'black'), digits)).text.trim()).not.toBe('12,345.67');
    expect((await engine.recognize(line('white', 'black'), { lang: 'eng', psm: 7 })).text.trim()).toBe('12,345.67');
  });

  it('closes while a worker is still starting: the close ends, the waiting call is refused', async () => {
    const starting = new OcrEngine(1);
    const call = starting.recognize(Buffer.from('P5\n1 1\n255\n\xff', 'latin1'), { lang: 'eng', psm: 7 });
    await expect(starting.close()).resolves.toBeUndefined();
    await expect(call).rejects.toThrow(/closed/);
  });

  it('starts a worker of each language ahead of the first call, once: the calls then take them', async () => {
    const warm = new OcrEngine(1);
    warm.warm(['eng', 'chi_sim']);
    warm.warm(['eng', 'chi_sim']);
    for (let waited = 0; warm.workersStarted() < 2 && waited < 20_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(warm.workersStarted()).toBe(2);
    const paper = Buffer.concat([Buffer.from('P5\n40 20\n255\n'), Buffer.alloc(800, 255)]);
    await warm.recognize(paper, { lang: 'eng', psm: 7 });
    await warm.recognize(paper, { lang: 'chi_sim', psm: 7 });
    expect(warm.workersStarted()).toBe(2);
    await warm.close();
  });

  it('lets the workers go once none has worked for a while, and starts one again for the next call', async () => {
    const quick = new OcrEngine(1, 50);
    const paper = Buffer.concat([Buffer.from('P5\n40 20\n255\n'), Buffer.alloc(800, 255)]);
    await quick.recognize(paper, { lang: 'eng', psm: 7 });
    await quick.recognize(paper, { lang: 'eng', psm: 7 });
    expect(quick.workersStarted()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(quick.recognize(paper, { lang: 'eng', psm: 7 })).resolves.toMatchObject({ confidence: expect.any(Number) });
    expect(quick.workersStarted()).toBe(2);
    await quick.close();
  });
});

describe('a line of prose outside the tables', () => {
  const engine = new OcrEngine(1);
  afterAll(() => engine.close());
  const PROSE = '主要用于机关离退休人员补贴和事业单位医疗金缴纳以及其他人员经费支出';

  /** A line of print as a 300-dpi scan holds it, and its box as the page finds it (6 px of paper a side). */
  function printed(text: string) {
    const img = printedLines([text]);
    return { img, box: { x0: 24, y0: 6, x1: img.width - 24, y1: 64 } };
  }

  it('is read at 0.8 of its width by tesseract, and reads as at its own; a short line (a unit, a title) keeps its width there, and the network reads it at 0.7', async () => {
    const { img, box } = printed(PROSE);
    expect(lineWidthShare(box, 'tesseract')).toBe(0.8);
    expect(lineWidthShare(box, 'network')).toBe(0.6);
    expect(lineWidthShare(printed('单位：万元').box, 'network')).toBe(0.7);
    expect(lineWidthShare(printed('2025年单位预算收入预算总表').box, 'tesseract')).toBe(1);
    const chinese = { lang: 'chi_sim', psm: 7 } as const;
    const whole = await engine.recognize(toPgm(img, box), chinese);
    const narrowed = await engine.recognize(toPgm(img, box), { ...chinese, widthShare: lineWidthShare(box, 'tesseract') });
    expect(whole.text.replace(/\s/g, '')).toBe(PROSE);
    expect(narrowed.text.replace(/\s/g, '')).toBe(PROSE);
    // the narrowed call is one of its own kind in the benchmark's tally
    expect(engine.recognitionTime().find((t) => t.kind === 'chi_sim psm 7 narrowed')?.calls).toBe(1);
  });
});

describe("tesseract.js's core (patched)", () => {
  it('is the one without the legacy engine when only the LSTM recogniser is asked for, as the worker script asks', async () => {
    // the worker script passes getCore a boolean (naptha/tesseract.js#1034); unpatched, this was the larger core
    const fromTesseract = createRequire(createRequire(import.meta.url).resolve('tesseract.js'));
    const getCore = fromTesseract('./worker-script/node/getCore.js') as (lstmOnly: boolean, corePath: undefined, res: { progress(): void }) => Promise<unknown>;
    const core = await getCore(true, undefined, { progress: () => undefined });
    // SIMD, or relaxed SIMD where V8 turns it on (Node 22 and later)
    const lstmOnly = ['tesseract-core-simd-lstm', 'tesseract-core-relaxedsimd-lstm', 'tesseract-core-lstm'].map((name) => fromTesseract(`tesseract.js-core/${name}`));
    expect(lstmOnly).toContain(core);
    expect(core).not.toBe(fromTesseract('tesseract.js-core/tesseract-core-simd'));
  });
});

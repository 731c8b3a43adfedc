import { afterAll, describe, expect, it } from 'vitest';
import type { GrayImage } from '../pdf/render-page.ts';
import { lineWidthShare } from './width-shares.ts';
import { PaddleHost, PaddleLines } from './paddle-lines.ts';
import { PRINT, printedLines as printed } from './printed-lines.testkit.ts';
import { inkLinesOf, lineReaderCell } from './read-cells.ts';
import { OcrEngine } from './tesseract-pool.ts';

const whole = (img: GrayImage) => ({ x0: 0, y0: 0, x1: img.width, y1: img.height });
const PROSE = '主要用于机关离退休人员补贴和事业单位医疗金缴纳以及其他人员经费支出';

describe('the line recogniser (PaddleOCR)', () => {
  const lines = new PaddleLines();
  afterAll(() => lines.close());

  it('reads a line of prose in its own thread, as printed and at 0.6 of its width (as prose is read), and tallies its calls', async () => {
    const img = printed([PROSE]);
    const [asPrinted, narrowed] = await Promise.all([lines.read(img, whole(img)), lines.read(img, whole(img), lineWidthShare(whole(img), 'network'))]);
    expect(lineWidthShare(whole(img), 'network')).toBe(0.6);
    expect(asPrinted.text).toBe(PROSE);
    expect(narrowed.text).toBe(PROSE);
    expect(asPrinted.confidence).toBeGreaterThan(0.9);
    expect(lines.tally.calls).toBe(2);
    expect(lines.tally.seconds).toBeGreaterThan(0);
  }, 60_000);

  it('fails at once once closed, as its OCR engine is', async () => {
    const closed = new PaddleLines();
    await closed.close();
    const img = printed(['合计']);
    await expect(closed.read(img, whole(img))).rejects.toThrow(/closed/);
  });

  it('reads an empty region as nothing', async () => {
    const img = printed(['合计']);
    await expect(lines.read(img, { x0: 5, y0: 5, x1: 5, y1: 30 })).resolves.toEqual({ text: '', confidence: 0 });
  });

  it('reads lines on two threads at once, a line going to the one with least work waiting, each read as one thread reads it', async () => {
    const two = new PaddleLines(undefined, 2);
    const one = new PaddleLines(undefined, 1);
    try {
      // a long line of prose on one thread; the three short ones all go to the other, less busy still
      const texts = [PROSE, '一般公共服务支出', '住房保障支出', '节能环保支出'];
      const imgs = texts.map((t) => printed([t]));
      const [both, alone] = await Promise.all([Promise.all(imgs.map((i) => two.read(i, whole(i)))), Promise.all(imgs.map((i) => one.read(i, whole(i))))]);
      expect(both).toEqual(alone);
      expect(both.map((r) => r.text)).toEqual(texts);
      expect([two.threadsRunning(), one.threadsRunning()]).toEqual([2, 1]);
      expect(await two.linesByThread()).toEqual([1, 3]);
    } finally {
      await Promise.all([two.close(), one.close()]);
    }
  }, 60_000);

  it('serves every extraction worker of a process from the same threads: each reading goes back to the reader that asked', async () => {
    const host = new PaddleHost(2);
    try {
      const [a, b] = await Promise.all([host.connect(), host.connect()]);
      expect([a.length, b.length]).toEqual([2, 2]);
      const [first, second] = [new PaddleLines(a), new PaddleLines(b)];
      const [one, two] = [printed(['一般公共服务支出']), printed(['社会保障和就业支出'])];
      const read = await Promise.all([first.read(one, whole(one)), second.read(two, whole(two)), first.read(two, whole(two))]);
      expect(read.map((r) => r.text)).toEqual(['一般公共服务支出', '社会保障和就业支出', '社会保障和就业支出']);
      expect([first.tally.calls, second.tally.calls]).toEqual([2, 1]);
    } finally {
      await host.close();
    }
  }, 60_000);
});

describe('a cell of several lines', () => {
  it('is cut into its lines of ink, each with a little paper', () => {
    const img = printed(['财政拨款收', '入']);
    const boxes = inkLinesOf(img, whole(img));
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.y1).toBeLessThanOrEqual(boxes[1]!.y0 + 8);
    expect(boxes.every((b) => b.x0 === 0 && b.x1 === img.width)).toBe(true);
  });

  it('joins a stroke parted from its line (the foot of 二 below the rest) to the nearer line', () => {
    const img = printed(['合计', '入']);
    // a bar 5 px high (a ninth of the line), under the first line's ink and far above the second's
    const foot = PRINT.baseline + 14;
    for (let y = foot; y < foot + 5; y++) img.data.fill(0, y * img.width + 30, y * img.width + 70);
    const boxes = inkLinesOf(img, whole(img));
    expect(boxes).toHaveLength(2);
    expect(boxes[0]!.y1).toBeGreaterThanOrEqual(foot + 5);
    expect(boxes[1]!.y0).toBeGreaterThan(foot + 5);
  });

  it('is read line by line by the line recogniser, its lines joined by a line break', async () => {
    const engine = new OcrEngine(1);
    try {
      const img = printed(['财政拨款收', '入']);
      const read = await lineReaderCell(img, { rect: whole(img), lines: 2 }, engine);
      expect(read.text).toBe('财政拨款收\n入');
    } finally {
      await engine.close();
    }
  }, 60_000);
});

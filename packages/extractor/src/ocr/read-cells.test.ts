import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { greyOf } from '../pdf/grey-pixels.ts';
import { inkTones } from './image-ops.ts';
import { STACK_PIXELS, hocrLines, linesToSlots, otherReadings, readCells, runnerUps, stackChunks, stackCells, stemsMended, textLines, tooFewForInk, withoutSplitFour } from './read-cells.ts';
import type { RecognizeOptions } from './tesseract-pool.ts';
import { OcrEngine } from './tesseract-pool.ts';
import { WIDTH_SHARES } from './width-shares.ts';

/** A page scanned in grey: the second model is not asked. */
const grey = { bilevel: false };

const line = (text: string, y0: number, y1: number, x0 = 0, confidence = 0.9) => ({ text, y0, y1, x0, confidence });

describe('cells read in a stack', () => {
  it('stacks crops one under another with a gap, in order, and says where each lies', () => {
    const img = { width: 100, height: 100, data: new Uint8Array(100 * 100).fill(255), scale: 1 };
    const { image, slots } = stackCells(img, [
      { x0: 0, y0: 0, x1: 50, y1: 30 },
      { x0: 10, y0: 40, x1: 90, y1: 90 },
    ]);
    expect(image.subarray(0, 2).toString('latin1')).toBe('P5');
    // the first crop is under 40 pixels high: drawn twice as large
    expect(slots[0]![1] - slots[0]![0]).toBe(60);
    expect(slots[1]![1] - slots[1]![0]).toBe(50);
    expect(slots[1]![0] - slots[0]![1]).toBeGreaterThanOrEqual(24);
  });

  it('keeps every stack under its pixel budget: a page-wide cell among narrow ones does not make each stack page-wide', () => {
    const img = { width: 3000, height: 4000, data: new Uint8Array(0), scale: 1 };
    // twenty narrow amounts (drawn twice as large: 600 x 60) and, among them, a cell across the page (5600 x 60)
    const rects = Array.from({ length: 21 }, (_, k) => ({ x0: 100, y0: k * 40, x1: k === 10 ? 2900 : 400, y1: k * 40 + 30 }));
    const parts = stackChunks(img, rects, (r) => r);
    expect(parts.flat()).toEqual(rects);
    expect(parts.length).toBeGreaterThan(1);
    const pixels = (part: typeof rects) => {
      const [w, h] = /P5\n(\d+) (\d+)/.exec(stackCells({ ...img, data: new Uint8Array(3000 * 4000).fill(255) }, part).image.subarray(0, 20).toString('latin1'))!.slice(1).map(Number);
      return w! * h!;
    };
    for (const part of parts) expect(pixels(part)).toBeLessThanOrEqual(STACK_PIXELS);
    // all 21 in one stack would be over it (the test's premise)
    expect(pixels(rects)).toBeGreaterThan(STACK_PIXELS);
    // narrow cells alone keep to stacks of 48
    expect(stackChunks(img, Array.from({ length: 50 }, () => rects[0]!), (r) => r).map((p) => p.length)).toEqual([48, 2]);
  });

  it('darkens a faint stroke for the digit pass: the crop’s darkest ink black, paper white, greys pushed towards black', () => {
    // a dark stem (40), a faint slant beside it two pixels wide (170, the 4 of light type after blur), paper (250)
    const data = new Uint8Array(60 * 20).fill(250);
    for (let y = 2; y < 18; y++) {
      data[y * 60 + 10] = 40;
      data[y * 60 + 20] = data[y * 60 + 21] = 170;
    }
    const img = { width: 60, height: 20, data, scale: 1 };
    const rect = { x0: 0, y0: 0, x1: 60, y1: 20 };
    const tones = inkTones(img, rect);
    expect(tones[40]).toBe(0);
    expect(tones[255]).toBe(255);
    expect(tones[170]!).toBeLessThan(110);
    expect(tones[250]!).toBeGreaterThan(220);
    const pixel = (image: Buffer, slots: Array<[number, number]>, x: number, y: number) => {
      const header = image.indexOf('255\n') + 4;
      const width = Number(/P5\n(\d+)/.exec(image.subarray(0, 20).toString('latin1'))![1]);
      // drawn twice as large: the pixel a quarter past the source pixel's start
      return image[header + (slots[0]![0] + y * 2 + 1) * width + 12 + x * 2 + 1]!;
    };
    const plain = stackCells(img, [rect]);
    const dark = stackCells(img, [rect], 0, true);
    expect(pixel(plain.image, plain.slots, 20, 5)).toBe(170);
    expect(pixel(dark.image, dark.slots, 20, 5)).toBe(tones[170]);
  });

  it('puts each line found back to its slot by its middle, joins a slot’s pieces left to right, and leaves a slot with none empty', () => {
    const slots: Array<[number, number]> = [
      [10, 40],
      [70, 100],
      [130, 160],
    ];
    const read = linesToSlots([line('.00', 12, 38, 60, 0.8), line('1,234', 11, 39, 0), line('一般公共服务支出', 72, 98), line(' ', 131, 159)], slots);
    expect(read).toEqual([{ text: '1,234.00', confidence: 0.8 }, { text: '一般公共服务支出', confidence: 0.9 }, null]);
  });

  it('counts a cell’s text lines, not its specks', () => {
    expect(textLines([[0, 30]])).toBe(1);
    expect(textLines([[0, 30], [34, 38]])).toBe(1);
    expect(textLines([[0, 30], [40, 68]])).toBe(2);
  });
});

describe('grey for OCR', () => {
  it('drops a red seal’s ink towards paper and keeps black print and grey as they are', () => {
    expect(greyOf(224, 96, 96)).toBeGreaterThan(200);
    expect(greyOf(240, 190, 190)).toBeGreaterThan(200);
    expect(greyOf(10, 0, 0)).toBeLessThan(20);
    expect(greyOf(120, 120, 120)).toBe(120);
  });

  it('keeps a rule or a digit dark where it crosses the seal and takes on its red', () => {
    // a grey rule under the seal's red, as a JPEG's colour blocks leave it: dark in the red channel too
    expect(greyOf(130, 40, 40)).toBeLessThan(170);
    expect(greyOf(160, 60, 60)).toBeLessThan(210);
  });
});

describe('other readings of an unsure amount', () => {
  // tesseract's hOCR with lstm_choice_mode 2 (trimmed): one line, one word, a choices group a symbol
  const hocr = `<span class='ocr_line' id='line_1_1' title="bbox 11 21 98 38; baseline 0 -1">
    <span class='ocrx_word' id='word_1_1' title='bbox 11 21 98 38; x_wconf 38'>137.1
     <span class='ocrx_cinfo' id='lstm_choices_1_1_1'><span class='ocrx_cinfo' id='choice_1_1_1' title='x_confs 90.9'>1</span></span>
     <span class='ocrx_cinfo' id='lstm_choices_1_1_2'><span class='ocrx_cinfo' id='choice_1_1_2' title='x_confs 64.0'>3</span><span class='ocrx_cinfo' id='choice_1_1_3' title='x_confs 0'>.</span><span class='ocrx_cinfo' id='choice_1_1_4' title='x_confs 0'>8</span></span>
     <span class='ocrx_cinfo' id='lstm_choices_1_1_3'><span class='ocrx_cinfo' id='choice_1_1_5' title='x_confs 95.1'>7</span><span class='ocrx_cinfo' id='choice_1_1_6' title='x_confs 0'>1</span></span>
     <span class='ocrx_cinfo' id='lstm_choices_1_1_4'><span class='ocrx_cinfo' id='choice_1_1_7' title='x_confs 91.2'>.</span></span>
     <span class='ocrx_cinfo' id='lstm_choices_1_1_5'><span class='ocrx_cinfo' id='choice_1_1_8' title='x_confs 70.0'>1</span><span class='ocrx_cinfo' id='choice_1_1_9' title='x_confs 0'>4</span></span>
    </span></span>`;

  it('reads the line, its box and every symbol’s choices from hOCR', () => {
    const [line] = hocrLines(hocr);
    expect(line).toMatchObject({ text: '137.1', confidence: 0.38, x0: 11, y0: 21, y1: 38 });
    expect(line!.symbols.map((s) => s.text).join('')).toBe('137.1');
    expect(line!.symbols[1]).toEqual({ text: '3', confidence: 0.64, others: ['.', '8'] });
  });

  it('offers the runner-up digit of each unsure digit, one at a time, and nothing for sure ones', () => {
    expect(runnerUps(hocrLines(hocr)[0]!.symbols)).toEqual(['187.1', '137.4']);
  });

  it('reads an unsure amount again from the image and finds the printed value among its readings', async () => {
    const canvas = createCanvas(420, 90);
    const g = canvas.getContext('2d');
    g.fillStyle = 'white';
    g.fillRect(0, 0, 420, 90);
    g.filter = 'blur(0.8px)';
    g.fillStyle = 'black';
    g.font = '40px sans-serif';
    g.fillText('6,522.75', 60, 62);
    const rgba = g.getImageData(0, 0, 420, 90).data;
    const data = new Uint8Array(420 * 90).map((_, i) => rgba[i * 4]!);
    const img = { width: 420, height: 90, data, scale: 300 / 72 };
    const engine = new OcrEngine(1);
    try {
      // the first reading took a 5 for a 9: the image, looked at again, says otherwise
      const [others] = await otherReadings(img, [{ rect: { x0: 40, y0: 15, x1: 260, y1: 75 }, lines: 1 }], [{ text: '6,922.75', confidence: 0.6 }], engine);
      expect(others).toContain('6,522.75');
      expect(others).not.toContain('6,922.75');
    } finally {
      await engine.close();
    }
  }, 60_000);
});

/** Reads every digit pass as `digits` and every Chinese pass as `chinese`, with the confidences given. */
function fakeEngine(digits: string, digitsSure: number, chinese: string): OcrEngine {
  return readingAs((o) => (o.whitelist ? { text: digits, confidence: digitsSure } : { text: chinese, confidence: 0.9 }));
}

/** An engine whose every call, one cell or a stack of one, reads as `read` says for its options. */
function readingAs(read: (o: RecognizeOptions) => { text: string; confidence: number }): OcrEngine {
  return {
    recognize: async (_: Buffer, o: RecognizeOptions) => read(o),
    recognizeLines: async (_: Buffer, o: RecognizeOptions) => [{ ...read(o), x0: 0, y0: 0, y1: 10 }],
    // an unsure amount read again closer: the same reading, no other choices
    recognizeChoices: async (_: Buffer, o: RecognizeOptions) => ({ ...read(o), hocr: '', symbols: [] }),
  } as unknown as OcrEngine;
}

describe('a heading the digit whitelist reads as digits', () => {
  const engine = fakeEngine('3', 0.9, '项目支出');
  const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };

  it('is read in Chinese when the ink is far wider than one digit', async () => {
    // ink 4 lines high wide (a four-character heading) and 6 px of margin a side
    const [wide] = await readCells(img, [{ rect: { x0: 10, y0: 10, x1: 10 + 12 + 160, y1: 10 + 12 + 40 }, lines: 1 }], engine, grey);
    expect(wide!.text).toBe('项目支出');
  });

  it('stays a digit where the ink is one digit wide', async () => {
    const [narrow] = await readCells(img, [{ rect: { x0: 10, y0: 10, x1: 10 + 12 + 24, y1: 10 + 12 + 40 }, lines: 1 }], engine, grey);
    expect(narrow).toEqual({ text: '3', confidence: 0.9 });
  });

  it('counts the characters a reading leaves for the ink it came from', () => {
    expect(tooFewForInk('3', { x0: 0, y0: 0, x1: 172, y1: 52 })).toBe(true);
    expect(tooFewForInk('12,291,733.00', { x0: 0, y0: 0, x1: 12 + 260, y1: 52 })).toBe(false);
    // 2026 年预算数 (seven heights of ink) read through the digit whitelist as its year alone
    expect(tooFewForInk('2026', { x0: 0, y0: 0, x1: 12 + 280, y1: 52 })).toBe(true);
    // an amount printed spaced out (2, 275. 76: 5.6 heights for 8 characters) is read whole
    expect(tooFewForInk('2,275.76', { x0: 0, y0: 0, x1: 12 + 224, y1: 52 })).toBe(false);
  });
});

describe('digits the recogniser is barely sure of', () => {
  const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };
  const cell = { rect: { x0: 10, y0: 10, x1: 10 + 12 + 96, y1: 10 + 12 + 32 }, lines: 1 };

  it('give way to a sure Chinese reading (预算数 read as 708 at 0.58)', async () => {
    const [read] = await readCells(img, [cell], fakeEngine('708', 0.58, '预算数'), grey);
    expect(read!.text).toBe('预算数');
  });

  it('are read in Chinese with the other stacked cells first: a heading costs no reading on its own', async () => {
    const alone: string[] = [];
    const engine = readingAs((o) => (o.whitelist ? { text: '708', confidence: 0.58 } : { text: '预算数', confidence: 0.9 }));
    engine.recognize = async (_: Buffer, o: RecognizeOptions) => (alone.push(o.lang), { text: '', confidence: 0 });
    const [read] = await readCells(img, [cell], engine, grey);
    expect(read!.text).toBe('预算数');
    expect(alone).toEqual([]);
  });

  it('are read on their own when the stacked Chinese reading has digits among its words (a code 302 read as 一302)', async () => {
    const engine = readingAs((o) => (o.whitelist ? { text: '302', confidence: 0.6 } : { text: '一302', confidence: 0.9 }));
    engine.recognize = async (_: Buffer, o: RecognizeOptions) => (o.whitelist ? { text: '302', confidence: 0.95 } : { text: '一302', confidence: 0.9 });
    const [read] = await readCells(img, [cell], engine, grey);
    expect(read).toEqual({ text: '302', confidence: 0.95 });
  });

  it('stay the amount when the Chinese reading finds digits too', async () => {
    const [read] = await readCells(img, [cell], fakeEngine('45.00', 0.6, '45.00'), grey);
    expect(read).toEqual({ text: '45.00', confidence: 0.6 });
  });
});

/** The English digit pass reads `english` sure, the Chinese model's digit pass `chinese` with no confidence (as it often gives on digits). */
function twoModels(english: string, chinese: string): OcrEngine {
  return readingAs((o) => (o.lang === 'eng' ? { text: english, confidence: 0.92 } : { text: chinese, confidence: 0 }));
}

describe('amounts read by a second model', () => {
  const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };
  const cell = { rect: { x0: 10, y0: 10, x1: 10 + 12 + 96, y1: 10 + 12 + 32 }, lines: 1 };
  // a page scanned in black and white: only there is the second model asked
  const fax = { bilevel: true };

  it('take the other digit where the English model read the bare stem 1 (a light 4 lost its slant), the first reading kept beside it', async () => {
    const [read] = await readCells(img, [cell], twoModels('1,367.96', '4367.96'), fax);
    expect(read).toEqual({ text: '4,367.96', confidence: 0.92, alternatives: ['1,367.96', '4367.96'] });
  });

  it('keep the English reading where the two differ otherwise, with the other beside it (so it is flagged unless an identity confirms it)', async () => {
    const [read] = await readCells(img, [cell], twoModels('31.68', '31.08'), fax);
    expect(read).toEqual({ text: '31.68', confidence: 0.92, alternatives: ['31.08'] });
  });

  it('are not read again where the first reading is sure and has no 1 (the second model could only add an alternative)', async () => {
    const [sure] = await readCells(img, [cell], twoModels('2,368.96', '2,368.06'), fax);
    expect(sure).toEqual({ text: '2,368.96', confidence: 0.92 });
    // unsure, the same reading gets the other beside it
    const unsure = readingAs((o) => (o.lang === 'eng' ? { text: '2,368.96', confidence: 0.8 } : { text: '2,368.06', confidence: 0 }));
    const [read] = await readCells(img, [cell], unsure, fax);
    expect(read!.alternatives).toContain('2,368.06');
  });

  it('leave an amount as read where they agree, or the other lost a digit, and a code as read', async () => {
    const [same] = await readCells(img, [cell], twoModels('1,754.17', '1754.17'), fax);
    expect(same).toEqual({ text: '1,754.17', confidence: 0.92 });
    const [shorter] = await readCells(img, [cell], twoModels('13,377.11', '13,377.1'), fax);
    expect(shorter).toEqual({ text: '13,377.11', confidence: 0.92 });
    // a code, no amount: not read again
    const [code] = await readCells(img, [cell], twoModels('2080501', '2080504'), fax);
    expect(code).toEqual({ text: '2080501', confidence: 0.92 });
  });

  it('are not read again on a grey page: there the faint strokes were darkened for the English model', async () => {
    const langs: string[] = [];
    const engine = readingAs((o) => {
      langs.push(o.lang);
      return o.lang === 'eng' ? { text: '1,367.96', confidence: 0.92 } : { text: '4367.96', confidence: 0 };
    });
    const [read] = await readCells(img, [cell], engine, grey);
    expect(read).toEqual({ text: '1,367.96', confidence: 0.92 });
    expect(langs).not.toContain('chi_sim');
  });
});

describe('a cell of one line of ink read barely at all', () => {
  it('is read as a block too: two lines the ink profile did not part (财政拨款收 / 入)', async () => {
    const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };
    const engine = {
      recognize: async (_: Buffer, o: RecognizeOptions) => (o.whitelist ? { text: '', confidence: 0 } : o.psm === 7 ? { text: '吴标', confidence: 0.02 } : { text: '财政拨款收\n入\n', confidence: 0.95 }),
      // the stacks lost the cell: it is read on its own
      recognizeLines: async () => [],
      recognizeChoices: async (_: Buffer, o: RecognizeOptions) => ({ text: '', confidence: 0, hocr: '', symbols: [], o }),
    } as unknown as OcrEngine;
    const [read] = await readCells(img, [{ rect: { x0: 10, y0: 10, x1: 10 + 12 + 160, y1: 10 + 12 + 40 }, lines: 1 }], engine, grey);
    expect(read).toEqual({ text: '财政拨款收入', confidence: 0.95 });
  });
});

describe('cells of different sizes', () => {
  it('are stacked apart: a stack of big headings and small amounts is never read at one size', async () => {
    const img = { width: 900, height: 300, data: new Uint8Array(900 * 300).fill(255), scale: 1 };
    // two headings 80 px high, three amounts 44 px high, as a one-row table gives them
    const heading = (x: number) => ({ rect: { x0: x, y0: 10, x1: x + 200, y1: 90 }, lines: 1, column: `0:${x}` });
    const amount = (x: number) => ({ rect: { x0: x, y0: 150, x1: x + 160, y1: 194 }, lines: 1, column: `0:${x}` });
    const heights: number[] = [];
    const engine = {
      recognize: async () => ({ text: '', confidence: 0 }),
      recognizeLines: async (image: Buffer) => {
        heights.push(Number(/P5\n\d+ (\d+)/.exec(image.subarray(0, 30).toString('latin1'))![1]));
        return [];
      },
      recognizeChoices: async () => ({ text: '', confidence: 0, hocr: '', symbols: [] }),
    } as unknown as OcrEngine;
    await readCells(img, [heading(0), heading(300), amount(0), amount(300), amount(600)], engine, grey);
    // every stack (of each pass) is the two headings (2 × 80 and a gap) or the three amounts (3 × 44 and two gaps)
    expect([...new Set(heights)].sort((a, b) => a - b)).toEqual([2 * 12 + 3 * 44 + 2 * Math.round(44 * 0.9), 2 * 12 + 2 * 80 + 72]);
  });
});

describe('a 4 whose bar broke from its stem', () => {
  it('is made whole where the Chinese model read it 41 and the English model 1', () => {
    expect(withoutSplitFour('126.00', '4126.00')).toBe('426.00');
    expect(withoutSplitFour('1,110,886.00', '1, 4110, 886. 00')).toBe('1,410,886.00');
  });

  it('leaves any other reading as it is', () => {
    expect(withoutSplitFour('126.00', '1126.00')).toBe('1126.00'); // no 41
    expect(withoutSplitFour('126.00', '4173.50')).toBe('4173.50'); // the other digits differ: no split 4 explains it
    expect(withoutSplitFour('426.00', '4126.00')).toBe('4126.00'); // the English model read a 4 there: a digit more, not a split 4
    expect(withoutSplitFour('126.00', '426.00')).toBe('426.00');
  });
});

describe('a column of two-decimal amounts with cells read badly', () => {
  // eight cells of one column, told apart by their widths (the engine reads each on its own)
  const widths = [100, 104, 108, 112, 116, 120, 130, 140];
  const texts = ['12.00', '34.50', '60.00', '1.00', '7.40', '8.00', '| 3S550', '25.'];
  const img = { width: 400, height: 600, data: new Uint8Array(400 * 600).fill(255), scale: 1 };
  const cells = widths.map((w, k) => ({ rect: { x0: 10, y0: 10 + k * 60, x1: 10 + w, y1: 10 + k * 60 + 42 }, lines: 1, column: '0:1' }));
  const textFor = (image: Buffer) => {
    const w = Number(/P5\n(\d+) /.exec(image.subarray(0, 30).toString('latin1'))![1]) - 16;
    return texts[widths.indexOf(w)] ?? '';
  };
  const engine = {
    recognize: async (image: Buffer) => ({ text: textFor(image), confidence: 0.9 }),
    recognizeLines: async () => [],
    recognizeChoices: async (image: Buffer) => ({ text: textFor(image), confidence: 0.9, hocr: '', symbols: [] }),
  } as unknown as OcrEngine;

  it('marks digits among strokes, and decimals cut short, as unread', async () => {
    const read = await readCells(img, cells, engine, grey);
    expect(read.map((r) => r.text)).toEqual([...texts.slice(0, 6), '?', '?']);
    expect(read[0]!.confidence).toBe(0.9);
  });
});

describe('cells of names and headings', () => {
  const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };
  const cells = [
    { rect: { x0: 10, y0: 10, x1: 10 + 12 + 160, y1: 10 + 12 + 40 }, lines: 1 },
    { rect: { x0: 200, y0: 10, x1: 200 + 12 + 120, y1: 10 + 12 + 40 }, lines: 1 },
  ];
  /** tesseract reads digits as nothing, and says which Chinese calls it was given; the line recogniser reads as `lines` says */
  function withLineReader(lines: (rect: { x0: number }) => Promise<{ text: string; confidence: number }>) {
    const chinese: string[] = [];
    const engine = readingAs((o) => (o.whitelist ? { text: '', confidence: 0 } : (chinese.push(`psm ${o.psm}`), { text: '项目', confidence: 0.9 })));
    return { engine: Object.assign(engine, { lines: { read: (_: unknown, rect: { x0: number }) => lines(rect) } }), chinese };
  }

  it('are read by the line recogniser, each on its own: tesseract reads no Chinese', async () => {
    const { engine, chinese } = withLineReader(async (r) => ({ text: r.x0 < 100 ? '一般公共服务支出' : '合计', confidence: 0.98 }));
    const read = await readCells(img, cells, engine, grey);
    expect(read.map((r) => r.text)).toEqual(['一般公共服务支出', '合计']);
    expect(chinese).toEqual([]);
  });

  it('are read by tesseract, stacked, on a black-and-white page outside a column of names: its digits there read a fax’s broken 4 right', async () => {
    const { engine, chinese } = withLineReader(async () => ({ text: '2,819,034.00', confidence: 0.99 }));
    const read = await readCells(img, cells, engine, { bilevel: true });
    expect(read.map((r) => r.text)).toEqual(['项目', '项目']);
    expect(chinese).toContain('psm 6');
  });

  it('are read by the line recogniser on a black-and-white page too where their column is one of names (its lowest cells read no amount)', async () => {
    const tall = { ...img, height: 400, data: new Uint8Array(400 * 400).fill(255) };
    const names = Array.from({ length: 5 }, (_, k) => ({ rect: { x0: 10, y0: 10 + 60 * k, x1: 182, y1: 62 + 60 * k }, lines: 1, column: '0:0' }));
    const { engine, chinese } = withLineReader(async () => ({ text: '一般公共服务支出', confidence: 0.98 }));
    const read = await readCells(tall, [...names, cells[1]!], engine, { bilevel: true });
    expect(read.map((r) => r.text)).toEqual([...names.map(() => '一般公共服务支出'), '项目']);
    // the one cell outside the column, stacked
    expect(chinese).toEqual(['psm 6']);
  });

  it('make a column of names where its lowest cells read as a lone digit, unsure (一般行政管理事务 as 1): the rest of it is not read for digits', async () => {
    const tall = { ...img, height: 400, data: new Uint8Array(400 * 400).fill(255) };
    const names = Array.from({ length: 5 }, (_, k) => ({ rect: { x0: 10, y0: 10 + 60 * k, x1: 182, y1: 62 + 60 * k }, lines: 1, column: '0:0' }));
    // the stack given is told by its header: each of its slots read as 1, at no confidence
    const slotsOf = (image: Buffer) => [1, 2, 3, 4, 5].map((n) => stackCells(tall, names.slice(0, n).map((c) => c.rect))).find((s) => s.image.subarray(0, 20).equals(image.subarray(0, 20)))?.slots ?? [];
    let digitSlots = 0;
    const engine = Object.assign(
      readingAs(() => ({ text: '', confidence: 0 })),
      {
        recognizeLines: async (image: Buffer, o: RecognizeOptions) => (o.whitelist ? slotsOf(image).map(([y0, y1]) => (digitSlots++, { text: '1', confidence: 0, x0: 0, y0, y1 })) : []),
        lines: { read: async () => ({ text: '一般行政管理事务', confidence: 0.98 }) },
      },
    );
    const read = await readCells(tall, names, engine, grey);
    expect(read.map((r) => r.text)).toEqual(names.map(() => '一般行政管理事务'));
    expect(digitSlots).toBe(3);
  });

  it('are read by tesseract, stacked, where the line recogniser cannot run', async () => {
    const { engine, chinese } = withLineReader(async () => {
      throw new Error('the line recogniser (PaddleOCR) did not start');
    });
    const read = await readCells(img, cells, engine, grey);
    expect(read.map((r) => r.text)).toEqual(['项目', '项目']);
    expect(chinese).toContain('psm 6');
  });
});

describe('amounts of a black-and-white page read by the line recogniser too', () => {
  const img = { width: 400, height: 100, data: new Uint8Array(400 * 100).fill(255), scale: 1 };
  const cell = { rect: { x0: 10, y0: 10, x1: 10 + 12 + 96, y1: 10 + 12 + 32 }, lines: 1 };
  const english = (text: string) => readingAs((o) => (o.lang === 'eng' ? { text, confidence: 0.95 } : { text: '', confidence: 0 }));
  const withLines = (engine: OcrEngine, text: string) => Object.assign(engine, { lines: { read: async () => ({ text, confidence: 0.99 }) } });

  it('keep its differing reading beside the value, never in its place (a fax’s 50.00 read sure as 20.00)', async () => {
    const [read] = await readCells(img, [cell], withLines(english('20.00'), '50.00'), { bilevel: true });
    expect(read).toEqual({ text: '20.00', confidence: 0.95, alternatives: ['50.00'] });
  });

  it('are read at a table cell’s share of their width', async () => {
    const shares: number[] = [];
    const engine = Object.assign(english('20.00'), { lines: { read: async (_: unknown, __: unknown, share = 1) => (shares.push(share), { text: '20.00', confidence: 0.99 }) } });
    await readCells(img, [cell], engine, { bilevel: true });
    expect(shares).toEqual([WIDTH_SHARES.cell.network]);
  });

  it('add nothing where it agrees, and are not read so on a grey page', async () => {
    expect((await readCells(img, [cell], withLines(english('20.00'), '20.00'), { bilevel: true }))[0]).toEqual({ text: '20.00', confidence: 0.95 });
    expect((await readCells(img, [cell], withLines(english('20.00'), '50.00'), grey))[0]).toEqual({ text: '20.00', confidence: 0.95 });
  });

  it('where the line recogniser cannot run, leave the value as read', async () => {
    const engine = Object.assign(english('20.00'), { lines: { read: async () => Promise.reject(new Error('no onnxruntime build')) } });
    expect((await readCells(img, [cell], engine, { bilevel: true }))[0]).toEqual({ text: '20.00', confidence: 0.95 });
  });
});

describe('a broken 4 read as its stem', () => {
  it('takes the other reading’s digits where the two differ only at the English reading’s 1s', () => {
    expect(stemsMended('2,819,034.00', '2,849,034.00')).toBe('2,849,034.00');
    expect(stemsMended('1,367.96', '4367.96')).toBe('4,367.96');
  });

  it('gives nothing where they differ elsewhere, in length, or not at all', () => {
    expect(stemsMended('371,511,635.00', '371,514,655.00')).toBeNull();
    expect(stemsMended('31.68', '31.08')).toBeNull();
    expect(stemsMended('13,377.11', '13,377.1')).toBeNull();
    expect(stemsMended('20.00', '20.00')).toBeNull();
  });
});

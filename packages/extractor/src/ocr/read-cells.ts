import type { GrayImage } from '../pdf/render-page.ts';
import { joinPieces, normalizeCjkSpacing } from '../layout/cjk-text.ts';
import type { Rect } from './image-ops.ts';
import { binarize, blankPgm, cropGray, drawEnlarged, inkTones, textLineBands, toPgm } from './image-ops.ts';
import { endsShort, groupsThousands, hasTwoDecimals, lacksMark, misfitsGrouping, printsTwoDecimals, withCommas, withTwoDecimals, withoutOneDigit } from './amount-style.ts';
import type { OcrEngine, Recognized, RecognizedChoices, RecognizedLine } from './tesseract-pool.ts';
import { symbolChoices } from './tesseract-pool.ts';
import { WIDTH_SHARES } from './width-shares.ts';

// the space too: without it the recogniser reports no confidence for a reading with a gap ("660. 10")
export const AMOUNT_CHARS = '0123456789.,-() ';
export const AMOUNT_LIKE = /^[-(]?\d[\d,.]*\)?$/;
export const CJK = /[\u4e00-\u9fff]/;
// a heading read through the digit whitelist comes out as a few digits near 0.58 (预算数 as 708): under this, a Chinese reading is tried too
const SURE_DIGITS = 0.65;
/** A reading less sure than this is dropped (specks, a seal's rim), unless it reads as an amount. */
export const BARELY_READ = 0.3;

export interface CellJob {
  rect: Rect; // pixels, inside the borders, around the ink
  lines: number;
  /** the table column the cell stands in (any key the same down a column) */
  column?: string;
}

/**
 * What a page's scan is, for how its cells are read. The second readings of amounts (crossCheck,
 * lineReaderAlternatives) are for pages scanned in black and white: there the scanner's threshold
 * broke thin strokes the English model then misses (a 4's slant read 1: 45 of regions/fax's 675
 * amounts mended). On grey pages those strokes are darkened for the English model, and the second
 * reading mended none; it turned right amounts wrong (28.11 to 28.51, 16.19 to 06.19) for
 * identities to put back, flagged correct ones, and took a fourteenth of the recognisers' time.
 */
export interface PageKind {
  bilevel: boolean;
}

/** A cell's reading, with other readings of an unsure amount got from the image again. */
export interface CellReading extends Recognized {
  alternatives?: string[];
}

/** An amount read less sure than this is looked at again for other readings. */
const SURE = 0.9;
/** A reading that misfits the page's style is at most this sure: below the parser's mark for flagging it (0.8). */
const MISFIT = 0.7;
/** What a column of amounts' cell that no reading made out is read as: no amount, no words. */
export const UNREAD_MARK = '?';
/** Ink wider than 1.5 times its height (the job's box has 6 px of paper round it): glyphs, not a speck. */
const glyphsWide = (r: Rect) => r.x1 - r.x0 - 12 >= 1.5 * (r.y1 - r.y0 - 12);

/** A digit read less sure than this offers the recogniser's runner-up digit as another reading. */
const SYMBOL_SURE = 0.85;
/** The job's box has 6 px of paper round the ink: a closer crop keeps 2. */
const CLOSER = 4;
/** The lowest one-line cells of a column read first, to tell a column of amounts from one of names. */
const PROBES = 3;
/**
 * A probe read less sure than this is no amount: names read for digits come back as a digit or two
 * at 0.00–0.17 (一般行政管理事务 as 1, 其他支出 as (8), amounts and codes at 0.7 and more.
 */
const PROBE_SURE = 0.3;
const DIGITS = { lang: 'eng', psm: 6, whitelist: AMOUNT_CHARS } as const;

/**
 * OCR reads a thousands comma as a point now and then ("2.112.86"): groups of three digits
 * before a final two-digit group are thousands, whatever the mark.
 */
export function normalizeOcrAmount(text: string): string {
  // a mark after the two decimals is the edge of a slanted rule beside them ("24.00,")
  const t = text.replace(/\s+/g, '').replace(/([.,]\d{2})[.,]$/, '$1');
  // the last mark before two final digits is the decimal point; every other mark only groups
  // thousands (and OCR drops or doubles those), so they are set again from the digits
  const m = /^([-(]?)(\d[\d.,]*?)[.,](\d{2})(\)?)$/.exec(t);
  if (!m) return t;
  // a closing parenthesis nothing opened is a stroke misread (30.00 read 30.04)), not a negative's mark
  const close = m[1] === '(' ? m[4] : '';
  if (!/[.,]/.test(m[2]!)) return `${m[1]}${m[2]}.${m[3]}${close}`; // no grouping printed: keep none
  const whole = m[2]!.replace(/[.,]/g, '');
  if (whole.length > 1 && whole.startsWith('0')) return t;
  return `${m[1]}${withCommas(whole)}.${m[3]}${close}`;
}

/**
 * The thin stroke 一 is read as a dash, or lost before 、: "-般公共预算", "、一般公共服务支出".
 * A dash between Chinese characters (or opening a Chinese word) is 一; a line cannot start with 、.
 */
export function restoreYi(text: string): string {
  return text.replace(/(^|[\u4e00-\u9fff、，（(])[-—–_~](?=[\u4e00-\u9fff])/g, '$1一').replace(/^、/, '一、');
}

/** Lines of text among a cell's bands of ink: a thin band (a speck of noise, a ruling's edge) is none. */
export function textLines(bands: Array<[number, number]>): number {
  const tallest = Math.max(0, ...bands.map(([a, b]) => b - a));
  return bands.filter(([a, b]) => b - a >= tallest * 0.4).length;
}

/**
 * Characters a line of digits holds at least per ink height of its width: a digit is about 0.7 of
 * its height wide, a mark less, so an amount holds some 1.4; a heading's Chinese (each as wide as high)
 * read as its digits alone (2026年预算数 as 2026) holds far fewer.
 */
const DIGITS_PER_HEIGHT = 0.7;

/**
 * Whether a reading has too few characters for the ink it came from: a line of ink four times
 * as wide as high holds more than two digits (a heading read with the digit whitelist gives "3").
 */
export function tooFewForInk(text: string, rect: Rect): boolean {
  const w = rect.x1 - rect.x0 - 12; // the crop's margin of 6 px a side
  const h = rect.y1 - rect.y0 - 12;
  return h > 0 && text.length < (w / h) * DIGITS_PER_HEIGHT;
}

/**
 * The English model's reading with the other model's digits where the two differ only at digits
 * the English model read as 1 (the bare stem of a 4 whose faint slant it lost); null where they
 * differ otherwise, in their digits count, or not at all.
 */
export function stemsMended(english: string, other: string): string | null {
  const differ = differingDigits(english, other);
  if (!differ || differ.length === 0 || !differ.every(([, d]) => d === '1')) return null;
  return withDigits(english, new Map(differ.map(([k, , d]) => [k, d])));
}

/** A digit reading as an amount, a little less sure when its marks were set again, unsure when it leaves most of the ink unread. */
export function asAmount(r: Recognized, rect?: Rect): Recognized | null {
  const t = r.text.replace(/\s+/g, '');
  if (!AMOUNT_LIKE.test(t)) return null;
  const normalized = normalizeOcrAmount(t);
  const confidence = r.confidence * (normalized === t ? 1 : 0.95);
  return { text: normalized, confidence: rect && tooFewForInk(t, rect) ? Math.min(confidence, SURE_DIGITS - 0.1) : confidence };
}

/** A Chinese reading against the digit one: the better of the two, or nothing for specks. */
function settle(chinese: Recognized, digits: Recognized | null): Recognized {
  const text = chinese.text
    .split('\n')
    .map((l) => restoreYi(normalizeCjkSpacing(l.trim())))
    .filter((l) => l !== '')
    .reduce((acc, l) => joinPieces(acc, l, true), '');
  // an unsure digit reading still beats a Chinese reading that found no Chinese
  if (digits && !(CJK.test(text) && chinese.confidence >= 0.5)) return digits;
  // specks of a scan read as a few Latin letters, unsure: nothing is printed there
  if (!CJK.test(text) && !/\d/.test(text) && chinese.confidence < BARELY_READ) return { text: '', confidence: 0 };
  return { text: AMOUNT_LIKE.test(text.replace(/\s+/g, '')) ? normalizeOcrAmount(text) : text, confidence: chinese.confidence };
}

/** How many times a crop is drawn larger for the recogniser: small print twice. */
const enlargement = (heightPx: number) => (heightPx < 40 ? 2 : 1);

/** A one-line Chinese reading less sure than this is tried as a block of lines too. */
const UNSURE_LINE = 0.5;

/** One cell on its own: amounts with a digit whitelist on one line, else Chinese. */
export async function recognizeCell(img: GrayImage, job: CellJob, engine: OcrEngine, page: PageKind): Promise<Recognized> {
  const up = enlargement(job.rect.y1 - job.rect.y0);
  const image = toPgm(img, job.rect, up);
  let digits: Recognized | null = null;
  if (job.lines <= 1) {
    const readDigits = async (pgm: Buffer) => asAmount(await engine.recognize(pgm, { lang: 'eng', psm: 7, whitelist: AMOUNT_CHARS }), job.rect);
    // digits with their faint strokes darkened (a light 4's slant); unsure so, as scanned too (a seal's grey darkened covers them)
    digits = await readDigits(toPgm(img, job.rect, up, inkTones(img, job.rect)));
    if (digits && digits.confidence >= SURE_DIGITS) return digits;
    const plain = await readDigits(image);
    if (plain && (!digits || plain.confidence > digits.confidence)) digits = plain;
    if (digits && digits.confidence >= SURE_DIGITS) return digits;
  }
  const chinese = page.bilevel ? await tesseractCell(image, job, engine) : await lineReaderCell(img, job, engine).catch(() => tesseractCell(image, job, engine));
  return settle(chinese, digits);
}

/** A cell read in Chinese by tesseract: one line as a line, several as a block. */
async function tesseractCell(image: Buffer, job: CellJob, engine: OcrEngine): Promise<Recognized> {
  let chinese = await engine.recognize(image, { lang: 'chi_sim', psm: job.lines <= 1 ? 7 : 6 });
  // a line read barely at all may be two the ink profile did not part (财政拨款收 / 入 touching): read as a block too
  if (job.lines <= 1 && chinese.confidence < UNSURE_LINE) {
    const block = await engine.recognize(image, { lang: 'chi_sim', psm: 6 });
    if (block.confidence > chinese.confidence) chinese = block;
  }
  return chinese;
}

/**
 * A cell read in Chinese by the line recogniser (PaddleOCR): one line as it is, several each on
 * its own (its bands of ink), joined by line breaks. Rejects where that recogniser cannot run.
 */
export async function lineReaderCell(img: GrayImage, job: CellJob, engine: OcrEngine): Promise<Recognized> {
  const boxes = job.lines <= 1 ? [] : inkLinesOf(img, job.rect);
  const share = WIDTH_SHARES.cell.network;
  if (boxes.length <= 1) return engine.lines.read(img, job.rect, share);
  const lines = await Promise.all(boxes.map((r) => engine.lines.read(img, r, share)));
  return { text: lines.map((l) => l.text).join('\n'), confidence: Math.min(...lines.map((l) => l.confidence)) };
}

/** Paper kept above and below a line of a cell read on its own. */
const LINE_MARGIN = 4;

/**
 * A cell's lines of text as boxes: its bands of ink, a band thinner than 0.4 of the tallest (a
 * stroke of 二 or 三 parted from the rest) joined to the nearer band beside it.
 */
export function inkLinesOf(img: GrayImage, rect: Rect): Rect[] {
  const crop = cropGray(img, rect);
  const bands = textLineBands(binarize(crop), crop.width, { x0: 0, y0: 0, x1: crop.width, y1: crop.height });
  const tallest = Math.max(0, ...bands.map(([a, b]) => b - a));
  const lines: Array<[number, number]> = [];
  bands.forEach(([a, b], k) => {
    if (b - a >= tallest * 0.4) return void lines.push([a, b]);
    const before = lines[lines.length - 1];
    const after = bands.slice(k + 1).find(([c, d]) => d - c >= tallest * 0.4);
    // joined upwards when the band above is nearer (or there is none below); else held for the next
    if (before && (!after || a - before[1] <= after[0] - b)) before[1] = b;
    else if (after) after[0] = a;
  });
  return lines.map(([a, b]) => ({ x0: rect.x0, x1: rect.x1, y0: Math.max(rect.y0, rect.y0 + a - LINE_MARGIN), y1: Math.min(rect.y1, rect.y0 + b + LINE_MARGIN) }));
}

/** Cells a recognition call reads at once: big enough to save the per-call cost, small enough for two workers to share a page. */
const SLOTS_PER_IMAGE = 48;
const PAD = 12;

/**
 * One-line cells stacked one under another on white, a clear gap between them, as one PGM:
 * one recognition call reads them all, and each line found is put back to its cell by height.
 */
export function stackCells(img: GrayImage, rects: Rect[], larger = 0, darken = false): { image: Buffer; slots: Array<[number, number]> } {
  const { crops: boxes, gap, W, H } = stackLayout(img, rects, larger);
  const crops = boxes.map((c, k) => ({ ...c, tones: darken ? inkTones(img, rects[k]!) : null }));
  const { pgm, body } = blankPgm(W, H);
  const slots: Array<[number, number]> = [];
  let top = PAD;
  for (const c of crops) {
    drawEnlarged(img, c, c.up, body, W, { left: PAD, top }, c.tones);
    slots.push([top, top + c.h * c.up]);
    top += c.h * c.up + gap;
  }
  return { image: pgm, slots };
}

/** Where a stack's cells go: each crop (in pixels of the page, `up` times larger), the gap between them, the image's size. */
function stackLayout(img: Pick<GrayImage, 'width' | 'height'>, rects: Rect[], larger: number) {
  const crops = rects.map((r) => {
    const x0 = Math.max(0, Math.floor(r.x0));
    const y0 = Math.max(0, Math.floor(r.y0));
    const w = Math.max(1, Math.min(img.width, Math.ceil(r.x1)) - x0);
    const h = Math.max(1, Math.min(img.height, Math.ceil(r.y1)) - y0);
    return { x0, y0, w, h, up: enlargement(h) + larger };
  });
  const tallest = Math.max(...crops.map((c) => c.h * c.up));
  const gap = Math.max(24, Math.round(tallest * 0.9));
  const W = Math.max(...crops.map((c) => c.w * c.up)) + 2 * PAD;
  const H = crops.reduce((s, c) => s + c.h * c.up + gap, PAD * 2 - gap);
  return { crops, gap, W, H };
}

/**
 * A stack's pixels at most: it is as wide as its widest cell, and a recogniser's memory grows to
 * the largest image it has read, for good (one wide cell among 47 narrow ones made 40 MP: 烟台, 1.2 GiB).
 */
export const STACK_PIXELS = 4_000_000;

/** Items in stacks of up to SLOTS_PER_IMAGE cells and STACK_PIXELS pixels (a cell larger alone is a stack of its own). */
export function stackChunks<T>(img: Pick<GrayImage, 'width' | 'height'>, items: T[], rectOf: (item: T) => Rect, larger = 0): T[][] {
  const out: T[][] = [];
  let part: T[] = [];
  for (const item of items) {
    const grown = [...part, item];
    const { W, H } = stackLayout(img, grown.map(rectOf), larger);
    if (part.length > 0 && (grown.length > SLOTS_PER_IMAGE || W * H > STACK_PIXELS)) {
      out.push(part);
      part = [item];
    } else part = grown;
  }
  if (part.length > 0) out.push(part);
  return out;
}

/** The lines found put back to their slots (by the middle of each line); a slot no line fell in is null. */
export function linesToSlots(lines: RecognizedLine[], slots: Array<[number, number]>): Array<Recognized | null> {
  return linesBySlot(lines, slots).map((ls) =>
    ls.length === 0
      ? null
      : {
          text: ls.map((l) => l.text.trim()).join(''),
          confidence: Math.min(...ls.map((l) => l.confidence)),
        },
  );
}

/** The lines that fall in each slot (by the middle of each line), left to right. */
function linesBySlot<T extends RecognizedLine>(lines: T[], slots: Array<[number, number]>): T[][] {
  const found: T[][] = slots.map(() => []);
  for (const l of lines) {
    if (l.text.trim() === '') continue;
    const mid = (l.y0 + l.y1) / 2;
    const k = slots.findIndex(([a, b], i) => mid < (i + 1 < slots.length ? (b + slots[i + 1]![0]) / 2 : Infinity) && mid >= (i > 0 ? (slots[i - 1]![1] + a) / 2 : -Infinity));
    if (k >= 0) found[k]!.push(l);
  }
  return found.map((ls) => ls.sort((a, b) => a.x0 - b.x0));
}

/** The lines of an hOCR page (lstm_choice_mode 2), each with its box, words' text and symbols' choices. */
export function hocrLines(hocr: string): Array<RecognizedLine & Pick<RecognizedChoices, 'symbols'>> {
  return hocr
    .split(/<span class='ocr_(?:line|textfloat|caption|header)'/)
    .slice(1)
    .flatMap((part) => {
      const box = /title="bbox (\d+) (\d+) (\d+) (\d+)/.exec(part);
      const words = [...part.matchAll(/class='ocrx_word'[^>]*x_wconf (\d+)'>([^<]*)/g)];
      if (!box || words.length === 0) return [];
      return [
        {
          text: words.map((w) => w[2]!.trim()).join(' '),
          confidence: Math.min(...words.map((w) => Number(w[1]) / 100)),
          x0: Number(box[1]),
          y0: Number(box[2]),
          y1: Number(box[4]),
          symbols: symbolChoices(part),
        },
      ];
    });
}

/** Readings that swap one unsure digit for the recogniser's runner-up digit there. */
export function runnerUps(symbols: RecognizedChoices['symbols']): string[] {
  const out: string[] = [];
  symbols.forEach((s, k) => {
    if (s.confidence >= SYMBOL_SURE || !/^\d$/.test(s.text)) return;
    const other = s.others.find((o) => /^\d$/.test(o) && o !== s.text);
    if (other) out.push(symbols.map((x, i) => (i === k ? other : x.text)).join(''));
  });
  return out;
}

/** Reads many one-line cells in stacked images; a cell the stack gave no line for is null. */
async function readStacked(img: GrayImage, jobs: CellJob[], engine: OcrEngine, options: Parameters<OcrEngine['recognize']>[1]): Promise<Array<Recognized | null>> {
  // a stack reads its lines at one size: big headings beside small amounts make it misread the amounts (13,377.11 as 13:37)
  const sizes = new Map<number, number[]>();
  jobs.forEach((j, k) => {
    const h = j.rect.y1 - j.rect.y0;
    const size = Math.floor(Math.log2(Math.max(1, h * enlargement(h))));
    sizes.set(size, [...(sizes.get(size) ?? []), k]);
  });
  const order = [...sizes.values()];
  const out: Array<Recognized | null> = jobs.map(() => null);
  const read = await Promise.all(order.map((ks) => readStackedAlike(img, ks.map((k) => jobs[k]!), engine, options)));
  order.forEach((ks, g) => ks.forEach((k, n) => (out[k] = read[g]![n]!)));
  return out;
}

/** Cells of one size in stacks (stackChunks: a few dozen cells, a few megapixels). */
async function readStackedAlike(img: GrayImage, jobs: CellJob[], engine: OcrEngine, options: Parameters<OcrEngine['recognize']>[1]): Promise<Array<Recognized | null>> {
  const parts = await Promise.all(
    stackChunks(img, jobs, (j) => j.rect).map(async (part) => {
      const { image, slots } = stackCells(
        img,
        part.map((j) => j.rect),
        0,
        options.lang === 'eng',
      );
      return linesToSlots(await engine.recognizeLines(image, options), slots);
    }),
  );
  return parts.flat();
}

/** Tesseract's Chinese model on stacked cells: a block of lines. */
const CHINESE_STACK = { lang: 'chi_sim', psm: 6 } as const;

/**
 * Cells read in Chinese (names, headings, and amounts the digit pass could not read): each on its
 * own by the line recogniser; stacked by tesseract's Chinese model where the line recogniser cannot
 * run, and on a black-and-white page for all but a column of names: there its digits were right
 * where the line recogniser's were not (a fax's broken 4: 2,849,034.00 read 2,819,034.00; real/fax
 * 1083 of 1090 amounts against 1085). A column of names (judged by its lowest cells) holds no amounts.
 */
async function readChinese(img: GrayImage, jobs: CellJob[], engine: OcrEngine, page: PageKind, names: ReadonlySet<string | undefined>): Promise<Array<Recognized | null>> {
  const byNetwork = jobs.map((j) => !page.bilevel || names.has(j.column));
  const [network, stacked] = [jobs.flatMap((_, k) => (byNetwork[k] ? [k] : [])), jobs.flatMap((_, k) => (byNetwork[k] ? [] : [k]))];
  const [read, stack] = await Promise.all([
    Promise.all(network.map((k) => lineReaderCell(img, jobs[k]!, engine))).catch(() => null),
    readStacked(img, stacked.map((k) => jobs[k]!), engine, CHINESE_STACK),
  ]);
  // where the line recogniser cannot run, its cells are stacked too
  const lineCells = read ?? (await readStacked(img, network.map((k) => jobs[k]!), engine, CHINESE_STACK));
  const out: Array<Recognized | null> = jobs.map(() => null);
  network.forEach((k, n) => (out[k] = lineCells[n] ?? null));
  stacked.forEach((k, n) => (out[k] = stack[n] ?? null));
  return out;
}

/**
 * One-line cells read for digits in stacks, except in a column of names: there only its lowest
 * few cells are read so (and give no amount); the rest of it is null, for the Chinese reading.
 * The recogniser's time goes by the width of ink it reads, and names are the widest cells.
 */
async function readDigits(img: GrayImage, jobs: CellJob[], engine: OcrEngine): Promise<{ digits: Array<Recognized | null>; names: Set<string | undefined> }> {
  const columns = new Map<string, number[]>();
  jobs.forEach((j, k) => {
    if (j.column !== undefined) columns.set(j.column, [...(columns.get(j.column) ?? []), k]);
  });
  const probed = [...columns.values()].filter((ks) => ks.length > PROBES).map((ks) => ks.slice(-PROBES));
  const out: Array<Recognized | null | undefined> = jobs.map(() => undefined);
  const first = await readStacked(
    img,
    probed.flat().map((k) => jobs[k]!),
    engine,
    DIGITS,
  );
  probed.flat().forEach((k, n) => (out[k] = first[n]));
  const names = new Set(probed.filter((ks) => ks.filter((k) => out[k] && out[k].confidence >= PROBE_SURE && asAmount(out[k])).length * 2 < ks.length).map((ks) => jobs[ks[0]!]!.column));
  const rest = jobs.map((j, k) => ({ j, k })).filter(({ j, k }) => out[k] === undefined && !names.has(j.column));
  const read = await readStacked(
    img,
    rest.map(({ j }) => j),
    engine,
    DIGITS,
  );
  rest.forEach(({ k }, n) => (out[k] = read[n]));
  return { digits: out.map((r) => r ?? null), names };
}

/**
 * Unsure amounts read again from the image, stacked: their ink cut closer and drawn larger, read
 * as a block with the recogniser's choices for every digit, and as sparse text (another
 * page-segmentation mode). Each cell gets the readings that differ from the one it has.
 */
export async function otherReadings(img: GrayImage, jobs: CellJob[], readings: Recognized[], engine: OcrEngine): Promise<string[][]> {
  const out: Array<Set<string>> = jobs.map(() => new Set());
  const closer = jobs.map((j) => ({ x0: j.rect.x0 + CLOSER, y0: j.rect.y0 + CLOSER, x1: j.rect.x1 - CLOSER, y1: j.rect.y1 - CLOSER }));
  const add = (k: number, text: string) => {
    const amount = asAmount({ text, confidence: 1 });
    if (amount && amount.text !== readings[k]!.text) out[k]!.add(amount.text);
  };
  await Promise.all(
    stackChunks(
      img,
      closer.map((r, k) => ({ r, k })),
      (p) => p.r,
      1,
    ).map(async (part) => {
      const rects = part.map((p) => p.r);
      // darkened and as scanned: two looks that fail apart
      const { image, slots } = stackCells(img, rects, 1, true);
      const [block, sparse] = await Promise.all([
        engine.recognizeChoices(image, { lang: 'eng', psm: 6, whitelist: AMOUNT_CHARS }),
        engine.recognizeChoices(stackCells(img, rects, 1).image, { lang: 'eng', psm: 11, whitelist: AMOUNT_CHARS }),
      ]);
      for (const r of [block, sparse])
        linesBySlot(hocrLines(r.hocr), slots).forEach((ls, s) => {
          if (ls.length === 0) return;
          const k = part[s]!.k;
          add(k, ls.map((l) => l.text).join(''));
          // a runner-up digit of one line, the other lines of the slot as read
          ls.forEach((l, n) => runnerUps(l.symbols).forEach((t) => add(k, ls.map((x, m) => (m === n ? t : x.text)).join(''))));
        });
    }),
  );
  return out.map((s) => [...s]);
}

/**
 * Every cell of a page read with as few recognition calls as it takes: the one-line cells stacked
 * and read for digits first, those that are no amount stacked again and read in Chinese; cells of
 * several lines, amounts the stack was unsure of (or lost the decimal mark of) and any cell a
 * stack lost, read one by one.
 */
export async function readCells(img: GrayImage, jobs: CellJob[], engine: OcrEngine, page: PageKind): Promise<CellReading[]> {
  const out: Array<Recognized | null> = jobs.map(() => null);
  const single = jobs.map((j, i) => ({ j, i })).filter(({ j }) => j.lines <= 1);
  const { digits, names } = await readDigits(
    img,
    single.map(({ j }) => j),
    engine,
  );
  const unsure: Array<{ j: CellJob; i: number; digits: Recognized | null }> = [];
  const lost = new Set<number>();
  const amounts = single.map(({ j }, k) => (digits[k] ? asAmount(digits[k], j.rect) : null));
  // most amounts of a page print two decimals: one read without a mark lost it in the stack
  const decimals = amounts.filter((d) => d && /\.\d{2}\)?$/.test(d.text)).length;
  const markLost = (d: Recognized) => decimals > amounts.filter(Boolean).length * 0.6 && !/[.,]/.test(d.text) && d.text.replace(/\D/g, '').length >= 4;
  single.forEach(({ j, i }, k) => {
    const d = amounts[k] ?? null;
    if (d && d.confidence >= SURE_DIGITS && !markLost(d)) out[i] = d;
    else if (d && markLost(d)) lost.add(i);
    // no amount, or one read unsure: a stacked Chinese reading first (a heading read as 708 costs
    // no more); an unsure amount it finds no words in is read again on its own (recognizeCell below)
    else unsure.push({ j, i, digits: d });
  });
  const chinese = await readChinese(
    img,
    unsure.map(({ j }) => j),
    engine,
    page,
    names,
  );
  unsure.forEach(({ i, digits: d }, k) => {
    const settled = chinese[k] ? settle(chinese[k], d) : d;
    // words with digits among them may be the digits misread (302 as 一302): those read on their own
    if (settled !== d && !(d && /\d/.test(settled!.text))) out[i] = settled;
  });
  await Promise.all(
    jobs.map(async (j, i) => {
      if (out[i]) return;
      const r = await recognizeCell(img, j, engine, page);
      // read again and still no decimal mark where the page prints them: not sure of that one
      out[i] = lost.has(i) && !/[.,]/.test(r.text) ? { ...r, confidence: Math.min(r.confidence, 0.7) } : r;
    }),
  );
  const read = out as CellReading[];
  const misfits = groupingMisfits(read);
  const unmarked = markMisfits(jobs, read);
  // unsure amounts, and cells of a column of amounts that gave none (ink that read as nothing, or as a few letters)
  // a column judged by its lowest cells is judged again by all of them (two amounts unread at its foot made it names)
  const amountColumns = columnsOfAmounts(jobs, read);
  const unread = (j: CellJob, r: Recognized) => j.column !== undefined && (!names.has(j.column) || amountColumns.has(j.column)) && !AMOUNT_LIKE.test(r.text) && !CJK.test(r.text);
  const doubtful = jobs.map((j, i) => ({ j, i })).filter(({ j, i }) => j.lines <= 1 && ((read[i]!.confidence < SURE && AMOUNT_LIKE.test(read[i]!.text)) || unread(j, read[i]!)));
  const others = await otherReadings(
    img,
    doubtful.map(({ j }) => j),
    doubtful.map(({ i }) => read[i]!),
    engine,
  );
  doubtful.forEach(({ i }, k) => {
    const [first, ...rest] = others[k]!;
    if (first === undefined) return;
    if (AMOUNT_LIKE.test(read[i]!.text)) read[i] = { ...read[i]!, alternatives: others[k]! };
    // a cell that gave no amount takes the closer look's, unsure (so flagged), the rest kept beside
    // it; a lone digit is rather a speck or a heading's stroke than an amount
    else if (/\d\D*\d/.test(first)) read[i] = { text: first, confidence: Math.min(0.5, read[i]!.confidence || 0.5), ...(rest.length ? { alternatives: rest } : {}) };
  });
  // a few glyphs' ink in a column of amounts that no reading made out (nothing, or digits among
  // strokes: "| 3S550"): marked, so the parser flags the cell; a percentage is no amount misread
  // (only where the column prints two decimals: a code column's misread code is the parser's to mend)
  const priced = new Set([...cellsByColumn(jobs)].filter(([, ks]) => printsTwoDecimals(ks.map((k) => read[k]!.text))).map(([c]) => c));
  const misread = (j: CellJob, t: string) => t === '' || (/\d/.test(t) && !t.includes('%') && priced.has(j.column!));
  for (const { j, i } of doubtful) if (misread(j, read[i]!.text) && unread(j, read[i]!) && glyphsWide(j.rect)) read[i] = { text: UNREAD_MARK, confidence: 0.01 };
  // decimals cut short that no closer look made whole (25.): no amount to keep, the other readings kept beside the mark
  for (const { j, i } of doubtful) {
    if (!priced.has(j.column!) || !endsShort(read[i]!.text)) continue;
    const others = (read[i]!.alternatives ?? []).filter(hasTwoDecimals);
    read[i] = { text: UNREAD_MARK, confidence: 0.01, ...(others.length ? { alternatives: others } : {}) };
  }
  const offer = (i: number, texts: string[]) => (read[i] = { ...read[i]!, alternatives: [...new Set([...(read[i]!.alternatives ?? []), ...texts])].filter((t) => t !== read[i]!.text) });
  for (const i of misfits) offer(i, withoutOneDigit(read[i]!.text));
  for (const i of unmarked) offer(i, withTwoDecimals(read[i]!.text));
  if (page.bilevel) {
    await crossCheck(img, jobs, read, engine);
    await lineReaderAlternatives(img, jobs, read, engine);
  }
  return read;
}

/**
 * Bare digits read in a column that prints two decimals (12742 among 127.42s): the mark was lost,
 * so made unsure; and decimals cut short (25.): unsure too. Their indexes, to be offered the
 * reading with the mark put back.
 */
function markMisfits(jobs: CellJob[], read: CellReading[]): number[] {
  const out = [...cellsByColumn(jobs).values()].flatMap((ks) => (printsTwoDecimals(ks.map((i) => read[i]!.text)) ? ks.filter((i) => lacksMark(read[i]!.text) || endsShort(read[i]!.text)) : []));
  for (const i of out) read[i] = { ...read[i]!, confidence: Math.min(read[i]!.confidence, MISFIT) };
  return out;
}

/** The one-line cells of each table column, as indexes of `jobs`. */
function cellsByColumn(jobs: CellJob[]): Map<string, number[]> {
  const columns = new Map<string, number[]>();
  jobs.forEach((j, i) => j.column !== undefined && j.lines <= 1 && columns.set(j.column, [...(columns.get(j.column) ?? []), i]));
  return columns;
}

/**
 * Long amounts read without grouping on a page that groups thousands: made unsure (so looked at
 * again, and flagged unless an identity confirms them); their indexes, to be offered the readings
 * a digit shorter.
 */
function groupingMisfits(read: CellReading[]): number[] {
  const pageGroups = groupsThousands(read.map((r) => r.text));
  const out = read.flatMap((r, i) => (misfitsGrouping(r.text, pageGroups) ? [i] : []));
  for (const i of out) read[i] = { ...read[i]!, confidence: Math.min(read[i]!.confidence, MISFIT) };
  return out;
}

/** The columns most of whose cells read as amounts. */
function columnsOfAmounts(jobs: CellJob[], read: Recognized[]): Set<string> {
  const tally = new Map<string, [number, number]>();
  jobs.forEach((j, i) => {
    if (j.column === undefined) return;
    const [amounts, all] = tally.get(j.column) ?? [0, 0];
    tally.set(j.column, [amounts + (AMOUNT_LIKE.test(read[i]!.text.replace(/\s+/g, '')) ? 1 : 0), all + 1]);
  });
  return new Set([...tally].filter(([, [amounts, all]]) => amounts * 2 > all).map(([column]) => column));
}

/** The digits of a reading where another reading of the same digits count differs from it, as [index, this, other]. */
function differingDigits(a: string, b: string): Array<[number, string, string]> | null {
  const da = a.replace(/\D/g, '');
  const db = b.replace(/\D/g, '');
  if (da.length !== db.length) return null;
  return [...da].flatMap((d, k) => (d === db[k] ? [] : [[k, d, db[k]!] as [number, string, string]]));
}

/**
 * The Chinese model's reading with a 4 it read as 41 made whole: a 4 whose bar broke from its
 * stem (a binarized fax) reads as the bar's 4 and the stem's 1, one digit more than the English
 * model's reading, which took the stem alone (1). Only when every other digit agrees; any other
 * reading comes back as it is (a dropped 4 looks the same: the raw reading is kept beside).
 */
export function withoutSplitFour(english: string, chinese: string): string {
  const [de, dc] = [english.replace(/\D/g, ''), chinese.replace(/\D/g, '')];
  if (dc.length !== de.length + 1) return chinese;
  for (let k = 1; k < dc.length; k++) {
    const mended = dc.slice(0, k) + dc.slice(k + 1);
    if (dc[k - 1] === '4' && dc[k] === '1' && de[k - 1] === '1' && mended === `${de.slice(0, k - 1)}4${de.slice(k)}`) return withDigits(english, new Map([[k - 1, '4']]));
  }
  return chinese;
}

/** A reading with its n-th digit (counting digits only) set to each given digit. */
function withDigits(text: string, digits: Map<number, string>): string {
  let n = -1;
  return text.replace(/\d/g, (d) => digits.get(++n) ?? d);
}

/**
 * Whether the Chinese model's reading can change anything: it replaces only digits read as 1, and
 * its other readings matter for a value read unsure (a sure one stands unless an identity breaks).
 */
function worthSecondModel(r: CellReading): boolean {
  return /1/.test(r.text) || r.confidence < SURE || (r.alternatives?.length ?? 0) > 0;
}

/** The one-line cells read as amounts with a decimal or thousands mark: a code (2080501) has none, and its 1s are read as printed. */
function markedAmounts(jobs: CellJob[], read: CellReading[]): Array<{ j: CellJob; i: number }> {
  return jobs.map((j, i) => ({ j, i })).filter(({ j, i }) => j.lines <= 1 && AMOUNT_LIKE.test(read[i]!.text) && /\d[.,]\d/.test(read[i]!.text));
}

/**
 * Every amount of a black-and-white page read again by the line recogniser (PaddleOCR), each on
 * its own; a reading with as many digits that differs is kept beside the value, which validation
 * then flags unless an identity confirms it (a fax's 5 the English model read sure as 2: 50.00 as
 * 20.00). Its digits are never taken without an identity: on fax pages the English model's 1s
 * were right more often than this model's other digits (real/fax 1081 of 1090 amounts against 1083).
 * Read at a cell's width share: at 0.7 both fax profiles kept every alternative's flag and finding.
 */
async function lineReaderAlternatives(img: GrayImage, jobs: CellJob[], read: CellReading[], engine: OcrEngine): Promise<void> {
  const amounts = markedAmounts(jobs, read);
  // async: an engine without a line reader fails as a rejection, caught below, not as a throw
  const again = await Promise.all(amounts.map(async ({ j }) => engine.lines.read(img, j.rect, WIDTH_SHARES.cell.network))).catch(() => null);
  if (!again) return;
  amounts.forEach(({ i }, n) => {
    const other = asAmount(again[n]!);
    const differ = other ? differingDigits(read[i]!.text, other.text) : null;
    if (!other || !differ || differ.length === 0) return;
    read[i] = { ...read[i]!, alternatives: [...new Set([...(read[i]!.alternatives ?? []), other.text])].filter((t) => t !== read[i]!.text) };
  });
}

/**
 * Amounts read again by the Chinese model, whose digits are the Song type the reports print.
 * The English model reads a digit whose faint strokes it lost as the bare stem, 1 (the slant of
 * a light 4); so where the two differ only at digits the English read as 1, the other's digits
 * are taken. Any other reading of the same digits count is kept beside the value: validation
 * then flags it unless an identity confirms it, and repair-by-identity may choose it.
 */
async function crossCheck(img: GrayImage, jobs: CellJob[], read: CellReading[], engine: OcrEngine): Promise<void> {
  const amounts = markedAmounts(jobs, read).filter(({ i }) => worthSecondModel(read[i]!));
  const again = await readStacked(
    img,
    amounts.map(({ j }) => j),
    engine,
    { lang: 'chi_sim', psm: 6, whitelist: AMOUNT_CHARS },
  );
  amounts.forEach(({ i }, n) => {
    const first = read[i]!;
    const chinese = again[n] ? asAmount(again[n]!) : null;
    const other = chinese ? { ...chinese, text: withoutSplitFour(first.text, chinese.text) } : null;
    const differ = other ? differingDigits(first.text, other.text) : null;
    if (!other || !differ || differ.length === 0) return;
    const text = stemsMended(first.text, other.text) ?? first.text;
    const alternatives = [...new Set([first.text, other.text, chinese!.text, ...(first.alternatives ?? [])])].filter((t) => t !== text);
    // the Chinese model's line confidence is often 0 on digits: the first reading's stands, the alternatives flag it
    read[i] = { ...first, text, alternatives };
  });
}

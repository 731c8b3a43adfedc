import { describe, expect, it } from 'vitest';
import { binarize } from './image-ops.ts';
import { KNOWN, PX, page } from './digit-font.fixture.ts';
import { LEARNED_DIGITS, LearnedDigits } from './learned-digits.ts';

const sure = (text: string) => ({ text, confidence: 0.96 });

/** A page of the known amounts and then `others`, as the recogniser read them (`readAs`: the known ones). */
function drawn(others: string[], readAs: (text: string) => { text: string; confidence: number } = sure) {
  const { img, rects } = page([...KNOWN, ...others]);
  const bin = binarize(img, 128);
  return { img, bin, rects, known: KNOWN.map((text, k) => ({ rect: rects[k]!, read: readAs(text) })), other: rects.slice(KNOWN.length) };
}

/** Whether a promise has settled by the time the pending callbacks ran. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  void p.then(() => (done = true));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return done;
}

describe("a document's digits learned page by page", () => {
  it('read a later page’s amounts by the amounts read surely on the pages before, as sure as a sure reading', async () => {
    const digits = new LearnedDigits();
    const [first, second] = [digits.enter(), digits.enter()];
    expect(await first.reader()).toBeNull();
    const p = drawn(['9,024.71', '468.37']);
    first.learn(p.img, p.bin, p.known);
    const reader = (await second.reader())!;
    expect(p.other.map((r) => reader(p.img, p.bin, r))).toEqual([
      { text: '9,024.71', confidence: LEARNED_DIGITS.confidence },
      { text: '468.37', confidence: LEARNED_DIGITS.confidence },
    ]);
  });

  it('make a page wait for every page before it, whichever finishes first: its reading never depends on the order', async () => {
    const digits = new LearnedDigits();
    const [one, two, three] = [digits.enter(), digits.enter(), digits.enter()];
    const p = drawn([]);
    two.learn(p.img, p.bin, p.known);
    const waiting = three.reader();
    expect(await settled(waiting)).toBe(false);
    one.leave(); // the first page had no amounts (or failed): the pages after go on
    expect(await waiting).not.toBeNull();
    one.learn(p.img, p.bin, p.known); // after leaving, nothing more is learned from it
  });

  it('learn nothing from amounts read unsure, or without two decimals', async () => {
    const digits = new LearnedDigits();
    const [first, second] = [digits.enter(), digits.enter()];
    const p = drawn([], (text) => ({ text, confidence: 0.6 }));
    first.learn(p.img, p.bin, p.known);
    expect(await second.reader()).toBeNull();
  });

  it('read no amount where two glyphs ran together (heavy print): one would be read for both', async () => {
    const digits = new LearnedDigits();
    const [first, second] = [digits.enter(), digits.enter()];
    const p = drawn(['4,461.67']);
    first.learn(p.img, p.bin, p.known);
    const reader = (await second.reader())!;
    const cell = p.other[0]!;
    expect(reader(p.img, p.bin, cell)?.text).toBe('4,461.67');
    // a blot across the gap between the 4 and the 6: the two glyphs are one piece of ink
    const heavy = { ...p.img, data: p.img.data.slice() };
    const [x4, x6] = [cell.x0 + 6 + 2 * 7 * PX + 5 * PX, cell.x0 + 6 + 3 * 7 * PX];
    for (let y = cell.y0 + 6 + 3 * PX; y < cell.y0 + 6 + 4 * PX; y++) for (let x = x4 - 1; x <= x6; x++) heavy.data[y * heavy.width + x] = 30;
    expect(reader(heavy, binarize(heavy, 128), cell)).toBeNull();
  });

  it('read no code or count (no two decimals), and nothing like no digit', async () => {
    const digits = new LearnedDigits();
    const [first, second] = [digits.enter(), digits.enter()];
    const p = drawn(['2080501', '12x.45']);
    first.learn(p.img, p.bin, p.known);
    const reader = (await second.reader())!;
    expect(p.other.map((r) => reader(p.img, p.bin, r))).toEqual([null, null]);
  });
});

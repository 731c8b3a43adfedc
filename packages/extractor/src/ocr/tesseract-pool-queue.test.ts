import { describe, expect, it, vi } from 'vitest';

// workers that read nothing: each call waits until the test lets it finish
const started: Array<{ lang: string; finish: () => void }> = [];
vi.mock('tesseract.js', () => ({
  default: {
    createWorker: async (lang: string) => ({
      setParameters: async () => ({}),
      recognize: () => new Promise((resolve) => started.push({ lang, finish: () => resolve({ data: { text: 'x', confidence: 90 } }) })),
      terminate: async () => ({}),
    }),
  },
}));

const { OcrEngine } = await import('./tesseract-pool.ts');
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const image = Buffer.from('P5\n1 1\n255\n\xff', 'latin1');

describe('OcrEngine queue', () => {
  it('gives a freed digit worker to the digit call waiting behind a Chinese one', async () => {
    const engine = new OcrEngine(1); // one worker a language
    const calls = [engine.recognize(image, { lang: 'eng', psm: 7 }), engine.recognize(image, { lang: 'chi_sim', psm: 7 })];
    await tick();
    // both workers busy: a Chinese call, then a digit call, wait
    calls.push(engine.recognize(image, { lang: 'chi_sim', psm: 7 }), engine.recognize(image, { lang: 'eng', psm: 7 }));
    await tick();
    expect(started.map((s) => s.lang)).toEqual(['eng', 'chi_sim']);
    started[0]!.finish(); // the digit worker is free; the Chinese one still busy
    await tick();
    expect(started.map((s) => s.lang)).toEqual(['eng', 'chi_sim', 'eng']);
    for (const s of started.splice(0)) s.finish();
    await tick();
    for (const s of started.splice(0)) s.finish();
    await Promise.all(calls);
    await engine.close();
  });
});

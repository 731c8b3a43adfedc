import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

/** A terminal that keeps what is written to it. */
function fakeTerminal(): NodeJS.WriteStream & { text: string } {
  const t = { isTTY: true, text: '', write: (s: string) => ((t.text += s), true) };
  return t as unknown as NodeJS.WriteStream & { text: string };
}

const lastBar = (text: string) => text.split('\r\x1b[2K').pop()!;

describe('the progress bar', () => {
  it('moves page by page while a document is read (OCR takes seconds a page)', () => {
    const term = fakeTerminal();
    const p = createProgress(2, term);
    expect(lastBar(term.text)).toMatch(/\[-{30}\] 0\/2 files/);
    p.page('a.pdf', 5, 10);
    expect(lastBar(term.text)).toMatch(/\[#{8}-{22}\] 0\/2 files, page 5\/10/);
    p.page('a.pdf', 10, 10);
    p.tick('ok a.pdf', 'a.pdf');
    expect(lastBar(term.text)).toMatch(/\[#{15}-{15}\] 1\/2 files, ETA/);
    p.note('note something');
    expect(term.text).toContain('note something\n');
    p.stop();
  });

  it('writes plain numbered lines, and no page noise, off a terminal', () => {
    const lines: string[] = [];
    const log = { isTTY: false, write: (s: string) => (lines.push(s), true) } as unknown as NodeJS.WriteStream;
    const p = createProgress(1, log);
    p.page('a.pdf', 1, 3);
    p.tick('ok a.pdf', 'a.pdf');
    expect(lines).toEqual(['[1/1] ok a.pdf\n']);
  });
});

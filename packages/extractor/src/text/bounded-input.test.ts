import { describe, expect, it } from 'vitest';
import { InputError } from '@juesuan/model';
import { extractText } from './extract-text.ts';
import { decodeEntities, readHtmlBlocks } from './html-blocks.ts';

const SHA = '0'.repeat(64);

const seconds = (f: () => unknown) => {
  const t0 = performance.now();
  f();
  return (performance.now() - t0) / 1000;
};

describe('text conversions with hostile shapes', () => {
  it('splits many form-feed pages in linear time', () => {
    const pages = (n: number) => '一\f'.repeat(n);
    seconds(() => extractText(pages(500), 'warm.txt', SHA, 'txt'));
    const small = seconds(() => extractText(pages(5_000), 'small.txt', SHA, 'txt'));
    const big = seconds(() => extractText(pages(50_000), 'big.txt', SHA, 'txt'));
    expect(extractText(pages(3), 'p.txt', SHA, 'txt').pageCount).toBe(3);
    // ten times the pages: about ten times the time (quadratic splitting took a hundred times, a minute for 150 KB)
    expect(big).toBeLessThan(Math.max(small, 0.05) * 30);
    expect(big).toBeLessThan(15);
  });

  it('reads character references out of range as U+FFFD instead of throwing', () => {
    expect(decodeEntities('a&#x110000;b&#99999999999;c&#0;d&#xD800;e&#x4E2D;&amp;')).toBe('a\ufffdb&#99999999999;c\ufffdd\ufffde中&');
  });

  it('bounds spans: colspan at 1000, rowspan at the rows left', () => {
    const [table] = readHtmlBlocks('<table><tr><td colspan="20000000" rowspan="900000">x</td></tr><tr><td>1</td></tr></table>').filter((b) => b.type === 'table');
    expect(table?.type === 'table' && table.rows[0]![0]).toMatchObject({ colSpan: 1000, rowSpan: 2 });
  });

  it('refuses a table whose spans cover more grid than any report, as an input error', () => {
    const row = `<tr>${'<td colspan="1000">1</td>'.repeat(50)}</tr>`;
    const html = `<table>${row.repeat(30)}</table>`;
    expect(() => extractText(html, 'huge.html', SHA, 'html')).toThrow(InputError);
    expect(() => extractText(html, 'huge.html', SHA, 'html')).toThrow(/huge\.html: a table's spans cover 1500000 grid cells/);
  });
});

import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '@juesuan/model';
import { departmentKey, fileStem } from './department.ts';
import { regionOfName } from './divisions.ts';
import { readDocumentMeta } from './document-meta.ts';

/** A document whose first page prints these lines (no tables). */
function docOf(file: string, lines: string[]): ExtractedDocument {
  const bbox = { x0: 0, y0: 0, x1: 10, y1: 10 };
  return {
    file,
    sha256: '0'.repeat(64),
    format: 'txt',
    extractorVersion: 'test',
    pageCount: 1,
    pages: [{ number: 1, width: 595, height: 842, source: 'text', isTableOfContents: false, lines: lines.map((text) => ({ text, bbox, inTable: false, fontSize: 12 })) }],
    sections: [],
    tables: [],
  } as unknown as ExtractedDocument;
}

describe('document metadata', () => {
  it('takes the department from the cover as printed, not from a file name that contradicts it', () => {
    const m = readDocumentMeta(docOf('武汉_2026年武汉市信访局部门预算.pdf', ['国家信访局2026年度部门预算', '二〇二六年三月', '目录']));
    expect(m.department).toBe('国家信访局');
    expect(m.region.level).toBe('national');
    expect(m.fiscalYear).toBe(2026);
    expect(m.kind).toBe('budget');
  });

  it('keeps the full name of a party committee department and of a street office', () => {
    expect(readDocumentMeta(docOf('x.pdf', ['部门：中国共产党江苏省委员会办公厅', '收支预算总表'])).department).toBe('中国共产党江苏省委员会办公厅');
    expect(readDocumentMeta(docOf('x.pdf', ['2024年度', '上海市普陀区长征镇人民政府石泉路街道办事处', '部门决算', '目录'])).department).toBe('上海市普陀区长征镇人民政府石泉路街道办事处');
  });

  it('does not take a region for the department, and reads the scope beside it', () => {
    const m = readDocumentMeta(docOf('x.pdf', ['上海市普陀区2025年区级单位预算', '预算单位：上海市普陀区商务委员会', '目录']));
    expect(m.department).toBe('上海市普陀区商务委员会');
    expect(m.unitScope).toBe('unit');
    expect(m.region).toMatchObject({ province: '上海市', county: '普陀区', code: '310107', level: 'county' });
  });

  it('falls back to a file name without its crawler prefix and two-digit year', () => {
    expect(fileStem('深圳_24年深圳市卫生健康委员会部门预算.pdf')).toBe('深圳市卫生健康委员会部门预算');
    expect(readDocumentMeta(docOf('24年南京市玄武区教育局部门预算.pdf', ['第一部分 部门概况'])).department).toBe('南京市玄武区教育局');
  });
});

describe('regions and their GB/T 2260 codes', () => {
  it('reads province, city and county from a name', () => {
    expect(regionOfName('广州市信访局')).toMatchObject({ province: '广东省', city: '广州市', code: '440100', level: 'city' });
    expect(regionOfName('江苏省人民检察院')).toMatchObject({ province: '江苏省', code: '320000', level: 'province' });
    expect(regionOfName('重庆市水利局')).toMatchObject({ province: '重庆市', code: '500000' });
    expect(regionOfName('绵竹市医疗保障局')).toMatchObject({ city: '德阳市', county: '绵竹市', code: '510683' });
    expect(regionOfName('中国共产党江苏省委员会办公厅').code).toBe('320000');
    expect(regionOfName('西南大学').level).toBe('unknown');
  });

  it('gives one key to a body’s full and short names', () => {
    expect(departmentKey('中国共产党江苏省委员会办公厅')).toBe(departmentKey('江苏省委办公厅'));
    expect(departmentKey('深圳市卫生健康委员会（本级）')).toBe('深圳市卫生健康委员会');
  });
});

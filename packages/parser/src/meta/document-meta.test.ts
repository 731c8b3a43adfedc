import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '@juesuan/model';
import { departmentKey, fileStem, spellingInText } from './department.ts';
import { regionOfName } from './divisions.ts';
import { readDocumentMeta } from './document-meta.ts';

/** A document whose first page prints these lines (no tables). */
function docOf(file: string, lines: string[], source: 'text' | 'ocr' = 'text'): ExtractedDocument {
  const bbox = { x0: 0, y0: 0, x1: 10, y1: 10 };
  return {
    file,
    sha256: '0'.repeat(64),
    format: 'txt',
    extractorVersion: 'test',
    pageCount: 1,
    pages: [{ number: 1, width: 595, height: 842, source, isTableOfContents: false, lines: lines.map((text) => ({ text, bbox, inTable: false, fontSize: 12 })) }],
    sections: [],
    tables: [],
  } as unknown as ExtractedDocument;
}

describe('document metadata', () => {
  it('takes the department from the cover as printed, not from a file name that contradicts it', () => {
    const m = readDocumentMeta(docOf('武汉_2026年武汉市信访局部门预算.pdf', ['国家信访局2026年度部门预算', '二〇二六年三月', '目录'])).meta;
    expect(m.department).toBe('国家信访局');
    expect(m.region.level).toBe('national');
    expect(m.fiscalYear).toBe(2026);
    expect(m.kind).toBe('budget');
  });

  it('keeps the full name of a party committee department and of a street office', () => {
    expect(readDocumentMeta(docOf('x.pdf', ['部门：中国共产党江苏省委员会办公厅', '收支预算总表'])).meta.department).toBe('中国共产党江苏省委员会办公厅');
    expect(readDocumentMeta(docOf('x.pdf', ['2024年度', '上海市普陀区长征镇人民政府石泉路街道办事处', '部门决算', '目录'])).meta.department).toBe('上海市普陀区长征镇人民政府石泉路街道办事处');
  });

  it('does not take a region for the department, and reads the scope beside it', () => {
    const m = readDocumentMeta(docOf('x.pdf', ['上海市普陀区2025年区级单位预算', '预算单位：上海市普陀区商务委员会', '目录'])).meta;
    expect(m.department).toBe('上海市普陀区商务委员会');
    expect(m.unitScope).toBe('unit');
    expect(m.region).toMatchObject({ province: '上海市', county: '普陀区', code: '310107', level: 'county' });
  });

  it('falls back to a file name without its crawler prefix and two-digit year', () => {
    expect(fileStem('深圳_24年深圳市卫生健康委员会部门预算.pdf')).toBe('深圳市卫生健康委员会部门预算');
    expect(readDocumentMeta(docOf('24年南京市玄武区教育局部门预算.pdf', ['第一部分 部门概况'])).meta.department).toBe('南京市玄武区教育局');
  });

  describe('pass "department agrees with the text"', () => {
    const lines = ['2018年度矿芬省高级人民法院部门预算', '目录', '一、江苏省高级人民法院主要职能', '二、江苏省高级人民法院部门预算单位构成', '三、江苏省高级人民法院收支预算总表'];

    it('takes the spelling an OCR read text prints most over a cover read once, and says so', () => {
      const { meta, findings } = readDocumentMeta(docOf('x.pdf', lines, 'ocr'));
      expect(meta.department).toBe('江苏省高级人民法院');
      expect(meta.region.code).toBe('320000');
      expect(findings.map((f) => f.rule)).toEqual(['ocr.department_spelling']);
      expect(findings[0]!.messageZh).toContain('矿芬省高级人民法院');
    });

    it('leaves a text layer as printed, and a name the text does print twice', () => {
      const text = readDocumentMeta(docOf('x.pdf', lines, 'text'));
      expect(text.meta.department).toBe('矿芬省高级人民法院');
      expect(text.findings).toEqual([]);
      const twice = readDocumentMeta(docOf('x.pdf', [...lines, '矿芬省高级人民法院2018年部门预算'], 'ocr'));
      expect(twice.meta.department).toBe('矿芬省高级人民法院');
      expect(twice.findings).toEqual([]);
    });

    it('flags an OCR read name that the text prints nowhere else and spells no other way', () => {
      const once = readDocumentMeta(docOf('x.pdf', ['2018年度江苏省局级人民法陡部门预算', '目录', '一、主要职能'], 'ocr'));
      expect(once.meta.department).toBe('江苏省局级人民法陡');
      expect(once.findings.map((f) => f.rule)).toEqual(['ocr.department_unconfirmed']);
      expect(readDocumentMeta(docOf('江苏省高级人民法院2018年部门预算.pdf', ['目录'], 'ocr')).findings).toEqual([]);
      // printed again without its place: confirmed
      expect(readDocumentMeta(docOf('x.pdf', ['江苏省委办公厅2017年部门预算', '目录', '一、省委办公厅主要职能', '二、省委办公厅预算'], 'ocr')).findings).toEqual([]);
    });

    it('does not take another body: one character in four at most, ending alike, printed three times', () => {
      const thrice = (s: string) => [s, s, s].join('\n');
      expect(spellingInText('上海市普陀区教育局', thrice('上海市普陀区教肓局'))).toBe('上海市普陀区教肓局');
      expect(spellingInText('普陀区教育局', thrice('普陀区财政局'))).toBeNull();
      expect(spellingInText('普陀区教育局', thrice('普陀区教育司'))).toBeNull();
      expect(spellingInText('上海市普陀区教育局', '上海市普陀区财政局\n上海市普陀区财政局')).toBeNull();
    });
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

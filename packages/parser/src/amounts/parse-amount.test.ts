import { describe, expect, it } from 'vitest';
import { formatFen, looksLikeAmount, parseAmount, hasLeadingZero } from './parse-amount.ts';

describe('parseAmount', () => {
  it('reads 万元 and 元 exactly into 分', () => {
    expect(parseAmount('9746.50', '万元')).toEqual({ fen: 9_746_500_000, inexact: false });
    expect(parseAmount('371,514,655.00', '元')).toEqual({ fen: 37_151_465_500, inexact: false });
    expect(parseAmount('1,467.16', '万元')?.fen).toBe(1_467_160_000);
    expect(parseAmount('0.01', '元')?.fen).toBe(1);
  });
  it('tolerates conversion artefacts and marks', () => {
    expect(parseAmount('12905. 09', '万元')?.fen).toBe(12_905_090_000);
    expect(parseAmount('１２.３０', '元')?.fen).toBe(1230);
    expect(parseAmount('-', '万元')?.fen).toBe(0);
    expect(parseAmount('—', '元')?.fen).toBe(0);
    expect(parseAmount('(12.30)', '元')?.fen).toBe(-1230);
    expect(parseAmount('-12.30', '元')?.fen).toBe(-1230);
  });
  it('rejects text and unknown units', () => {
    expect(parseAmount('合计', '元')).toBeNull();
    expect(parseAmount('1.2.3', '元')).toBeNull();
    expect(parseAmount('12', '美元')).toBeNull();
    expect(looksLikeAmount('2101501')).toBe(true);
    expect(looksLikeAmount('行政运行')).toBe(false);
  });
  it('flags decimals beyond 分', () => {
    expect(parseAmount('1.234', '元')).toEqual({ fen: 123, inexact: true });
  });
  it('formats back', () => {
    expect(formatFen(9_746_500_000, '万元')).toBe('9746.50');
    expect(formatFen(-1230, '元')).toBe('-12.30');
  });
});

describe('hasLeadingZero', () => {
  it('tells an amount no report prints, a zero before another digit, from zero and from amounts under one', () => {
    expect(['072.56', '00.00', '080.01', '0,123.00', '(072.56)'].every(hasLeadingZero)).toBe(true);
    expect(['0.00', '0.79', '0', '572.56', '-', '10.00', '-0.50'].some(hasLeadingZero)).toBe(false);
  });
});

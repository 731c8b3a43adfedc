/** 分 as 元 with two decimals, in integer arithmetic: amounts stay exact. */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export const STATE_NAMES = { read: 'read', low: 'unsure', breaks: 'breaks an identity', corrected: 'corrected' } as const;

export const cellId = (c: { tableIndex: number; page: number | null; bbox: { x0: number; y0: number } | null }) => `${c.tableIndex}|${c.page}|${c.bbox?.x0.toFixed(1)}|${c.bbox?.y0.toFixed(1)}`;

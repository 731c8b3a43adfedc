/** A printed amount with decimals ("2,946.25", "(12.30)", "12905. 09"): the mark of a data cell. */
export function isDecimalAmount(text: string): boolean {
  return /^[-−(（]?[\d,，]+\.\d+[)）]?$/.test(text.replace(/\s+/g, ''));
}

/** Digits grouped by a comma ("371,514,655", or OCR's "33,17215" with its point lost): a number no header prints. */
export function isGroupedNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return /^[-−(（]?\d[\d,，]*[,，]\d[\d,，]*[)）]?$/.test(t) && t.replace(/\D/g, '').length >= 4;
}

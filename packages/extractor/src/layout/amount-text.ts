/** A printed amount with decimals ("2,946.25", "(12.30)", "12905. 09"): the mark of a data cell. */
export function isDecimalAmount(text: string): boolean {
  return /^[-−(（]?[\d,，]+\.\d+[)）]?$/.test(text.replace(/\s+/g, ''));
}

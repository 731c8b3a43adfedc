/** A red channel this bright is a seal's ink (or paper): lifted to paper. */
const SEAL_RED = 200;

/**
 * Grey by luminance, except red ink (a seal stamped over a table), seen through its red channel
 * as a scanner's red dropout does and lifted so the seal's own red is paper: the black print under
 * it, and a rule tinted red where it crosses the seal, stay dark; the seal reads neither as ink
 * nor as faint strokes beside the digits.
 */
export function greyOf(r: number, g: number, b: number): number {
  // a grey pixel (every pixel of a black-and-white or grey scan) is its own level
  if (r === g && g === b) return r;
  if (r > 110 && r - Math.max(g, b) > 28) return Math.min(255, (r * 255) / SEAL_RED);
  return (r * 299 + g * 587 + b * 114) / 1000;
}

/** Whether this machine stores a 32-bit word's low byte first (the red of an RGBA pixel read as one word). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** RGBA pixels to grey by greyOf (into `data` from `at`), read a pixel at a time as one 32-bit word where they are aligned for it. */
export function greyPixels(rgba: Uint8Array | Uint8ClampedArray, count: number, data = new Uint8Array(count), at = 0): Uint8Array {
  if (rgba.byteOffset % 4 !== 0) {
    for (let i = 0, j = 0; j < count; i += 4, j++) data[at + j] = greyOf(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    return data;
  }
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, count);
  for (let j = 0; j < count; j++) {
    const v = words[j]!;
    const r = LITTLE_ENDIAN ? v & 255 : v >>> 24;
    const g = LITTLE_ENDIAN ? (v >>> 8) & 255 : (v >>> 16) & 255;
    const b = LITTLE_ENDIAN ? (v >>> 16) & 255 : (v >>> 8) & 255;
    data[at + j] = r === g && g === b ? r : greyOf(r, g, b);
  }
  return data;
}

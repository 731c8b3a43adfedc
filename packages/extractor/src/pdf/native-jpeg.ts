import type { Sharp, SharpOptions } from 'sharp';

/** What pdf.js asks of a JPEG's pixels: its size, and RGBA or RGB rather than its own components. */
export interface JpegRequest {
  width: number;
  height: number;
  forceRGBA: boolean;
  forceRGB: boolean;
}

type Decoder = (input: Uint8Array, options: SharpOptions) => Sharp;
let decoder: Promise<Decoder> | undefined;

/** libvips loaded at the first JPEG (a process with none never maps it), keeping nothing decoded for later: each image is decoded once. */
function loadDecoder(): Promise<Decoder> {
  decoder ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    return sharp;
  });
  return decoder;
}

/** Pixels of a JPEG at most this many (a file's header can claim any size): larger ones are left to pdf.js. */
const MAX_PIXELS = 2 ** 28;

/**
 * A JPEG's pixels laid out as pdf.js's own decoder gives them (RGBA, RGB, or the JPEG's own grey or
 * RGB), decoded and laid out by libvips (libjpeg) on libuv's threads rather than by pdf.js in
 * JavaScript on the main thread, which was most of the time a scanned page took to draw. An embedded
 * colour profile is ignored, as pdf.js ignores it. Null where pdf.js should decode it itself: not
 * grey or RGB, another size than asked, or any warning on decoding (a truncated or damaged image is
 * decoded as pdf.js always has). pdf.js hands over only JPEGs it would give a browser's decoder: no
 * Decode array, no Adobe transform it overrides.
 */
export async function decodeJpeg(bytes: Uint8Array, want: JpegRequest): Promise<Uint8Array | null> {
  const image = (await loadDecoder())(bytes, { failOn: 'warning', limitInputPixels: MAX_PIXELS, ignoreIcc: true });
  const meta = await image.metadata();
  const own = meta.channels;
  if (meta.format !== 'jpeg' || (own !== 1 && own !== 3) || meta.width !== want.width || meta.height !== want.height) return null;
  const bands = want.forceRGBA ? 4 : want.forceRGB ? 3 : own;
  const laid = image.toColourspace(bands === 1 ? 'b-w' : 'srgb');
  const { data, info } = await (bands === 4 ? laid.ensureAlpha(1) : laid).raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== bands || data.length !== want.width * want.height * bands) return null;
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}

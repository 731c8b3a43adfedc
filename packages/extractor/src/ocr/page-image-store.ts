import { promisify } from 'node:util';
import { constants, deflateRaw, inflateRawSync } from 'node:zlib';
import type { GrayImage } from '../pdf/render-page.ts';

/** A page as OCR reads it: its straightened image, its ink threshold, whether it was scanned in black and white. */
export interface PageImage {
  img: GrayImage;
  threshold: number;
  bilevel: boolean;
}

/**
 * Deflated page images a document keeps for its second reading, at most: a scanned page deflates
 * to 0.1–3 MB (fax to clean 300-dpi grey), so a few dozen pages are kept and the rest drawn again.
 */
export const PAGE_IMAGES_BUDGET = 64 * 1024 * 1024;

const deflate = promisify(deflateRaw);

interface Kept {
  /** the resolution asked for (none: as the page is) */
  dpi: number | undefined;
  image: Omit<PageImage, 'img'> & { img: Omit<GrayImage, 'data'> };
  deflated: Buffer;
}

/**
 * The page images of a document's first OCR reading, kept deflated for its second (cells of broken
 * sums read again): drawing, evening and straightening a page again takes half a second to a
 * second of the main thread; deflating it (on libuv's threads) and inflating it, tens of milliseconds.
 * The image given is read while deflating: its pixels must not change afterwards.
 */
export class PageImageStore {
  private readonly kept = new Map<number, Promise<Kept | null>>();
  private bytes = 0;

  constructor(private readonly budget = PAGE_IMAGES_BUDGET) {}

  /** Keeps a page's image, unless the store is full; a failure to deflate keeps nothing (the page is drawn again). */
  keep(page: number, dpi: number | undefined, found: PageImage): void {
    if (this.bytes >= this.budget || this.kept.has(page)) return;
    const { img, ...rest } = found;
    const image = { ...rest, img: { width: img.width, height: img.height, scale: img.scale } };
    const kept = deflate(img.data, { level: 1, strategy: constants.Z_RLE }).then(
      (deflated) => {
        if (this.bytes + deflated.length > this.budget) return null;
        this.bytes += deflated.length;
        return { dpi, image, deflated };
      },
      () => null,
    );
    this.kept.set(page, kept);
  }

  /** A kept page image drawn at `dpi` (none: as the page is), pixel for pixel as kept; null when it was not kept. */
  async take(page: number, dpi: number | undefined): Promise<PageImage | null> {
    const kept = await this.kept.get(page);
    if (!kept || kept.dpi !== dpi) return null;
    return { ...kept.image, img: { ...kept.image.img, data: inflateRawSync(kept.deflated) } };
  }

  /** The deflated bytes held. */
  held(): number {
    return this.bytes;
  }
}

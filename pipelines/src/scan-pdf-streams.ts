import { Readable } from 'node:stream';
import { createInflate } from 'node:zlib';
import type { ExtractionNote } from '@juesuan/model';
import { InputError } from '@juesuan/model';

interface StreamInfo {
  dict: string;
  data: Uint8Array;
}

const STREAM = Buffer.from('stream');
const ENDSTREAM = Buffer.from('endstream');
/** How far back from `stream` a stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

/** Every `<<…>> stream … endstream` of the raw file, with its dictionary text (lexical, no PDF parser). */
function* rawStreams(bytes: Uint8Array): Generator<StreamInfo> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buf.indexOf(STREAM); at >= 0; at = buf.indexOf(STREAM, at + STREAM.length)) {
    if (buf[at - 3] === 0x65 /* the e of endstream */) continue;
    const head = buf.subarray(Math.max(0, at - DICT_WINDOW), at).toString('latin1');
    const dictEnd = head.lastIndexOf('>>');
    const objAt = head.lastIndexOf(' obj');
    if (dictEnd < 0 || objAt < 0 || head.slice(dictEnd + 2).trim() !== '') continue;
    let start = at + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(head.slice(objAt))?.[1];
    const end = length !== undefined && start + Number(length) <= buf.length ? start + Number(length) : buf.indexOf(ENDSTREAM, start);
    if (end < 0) return;
    yield { dict: head.slice(objAt, dictEnd + 2), data: buf.subarray(start, end) };
    at = end;
  }
}

/** The number of leading FlateDecode filters of a stream dictionary. */
function leadingFlates(dict: string): number {
  const f = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1];
  if (!f) return 0;
  const names = f.match(/\/\w+/g) ?? [];
  let n = 0;
  while (n < names.length && (names[n] === '/FlateDecode' || names[n] === '/Fl')) n++;
  return n;
}

/** Bytes a stream decodes to through its Flate filters, counted without keeping them; stops past `cap`. */
async function decodedSize(data: Uint8Array, flates: number, cap: number): Promise<number> {
  let stream: NodeJS.ReadableStream = Readable.from([Buffer.from(data)]);
  for (let i = 0; i < flates; i++) stream = stream.pipe(createInflate({ finishFlush: 2 /* Z_SYNC_FLUSH: tolerate truncated data */ }));
  let total = 0;
  try {
    for await (const chunk of stream) {
      total += (chunk as Buffer).length;
      if (total > cap) break;
    }
  } catch {
    // broken compressed data is common in real files; pdfjs reads what it can, so count what decoded
  }
  return total;
}

export interface StreamLimits {
  maxImagePixels: number;
  maxDecodedBytes: number;
}

const gb = (n: number) => (n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(1)} GiB` : `${Math.round(n / 2 ** 20)} MiB`);

/**
 * Checks a PDF's streams before pdfjs reads it: an image over the pixel limit is noted (pdfjs
 * leaves it out), and compressed streams decoding past the byte limit refuse the document.
 */
export async function checkPdfStreams(bytes: Uint8Array, file: string, limits: StreamLimits): Promise<ExtractionNote[]> {
  const notes: ExtractionNote[] = [];
  let decoded = 0;
  for (const s of rawStreams(bytes)) {
    if (/\/Subtype\s*\/Image\b/.test(s.dict)) {
      const w = Number(/\/Width\s+(\d+)\b(?!\s+\d+\s+R)/.exec(s.dict)?.[1] ?? 0);
      const h = Number(/\/Height\s+(\d+)\b(?!\s+\d+\s+R)/.exec(s.dict)?.[1] ?? 0);
      if (w * h > limits.maxImagePixels) {
        notes.push({ code: 'image_too_large', page: null, message: `${file}: an image of ${w}×${h} pixels (${gb(w * h * 4)} in memory as RGBA) is over the limit of ${limits.maxImagePixels} pixels: left out` });
      }
      continue;
    }
    const flates = leadingFlates(s.dict);
    if (flates === 0) continue;
    decoded += await decodedSize(s.data, flates, limits.maxDecodedBytes - decoded);
    if (decoded > limits.maxDecodedBytes) {
      throw new InputError('decoded_too_large', file, `its compressed streams decode to more than ${gb(limits.maxDecodedBytes)} (a decompression bomb?): refused`);
    }
  }
  return notes;
}

import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/** tessdata components of the legacy recogniser only (ambiguities, class templates, feature tables, prototypes, shape table). */
const LEGACY = new Set([2, 3, 4, 5, 13]);
/** The component of settings the language sets when loaded. */
const CONFIG = 0;
/**
 * Settings of the legacy recogniser (its language model, segmentation search and classifier) that
 * Chinese data sets: the LSTM-only core has no such settings, and warns of each at every start.
 */
const LEGACY_SETTINGS = /^(language_model_|segsearch_|classify_|assume_fixed_pitch_char_segment\b|allow_blob_division\b)/;

/** A config component without the legacy recogniser's settings, every other line as it was. */
const withoutLegacySettings = (config: Buffer): Buffer =>
  Buffer.from(
    config
      .toString('utf8')
      .split('\n')
      .filter((line) => !LEGACY_SETTINGS.test(line.trim()))
      .join('\n'),
    'utf8',
  );

/**
 * A traineddata file without the legacy recogniser's components and settings: the LSTM recogniser,
 * the only one used, reads exactly the same, and each worker no longer holds 40 MB of templates it
 * never uses. The file is a count of entries, their offsets (-1 for none), then the components in order.
 */
export function withoutLegacy(data: Buffer): Buffer {
  const n = data.readInt32LE(0);
  const offsets = Array.from({ length: n }, (_, i) => Number(data.readBigInt64LE(4 + 8 * i)));
  const header = Buffer.alloc(4 + 8 * n);
  header.writeInt32LE(n, 0);
  const parts: Buffer[] = [header];
  let at = header.length;
  offsets.forEach((offset, i) => {
    const end = offsets.slice(i + 1).find((o) => o >= 0) ?? data.length;
    const keep = offset >= 0 && !LEGACY.has(i);
    header.writeBigInt64LE(keep ? BigInt(at) : -1n, 4 + 8 * i);
    if (!keep) return;
    const part = i === CONFIG ? withoutLegacySettings(data.subarray(offset, end)) : data.subarray(offset, end);
    parts.push(part);
    at += part.length;
  });
  return Buffer.concat(parts);
}

export interface LanguageData {
  langPath: string;
  gzip: boolean;
}

const made = new Map<string, LanguageData>();

/** The copy's format, in its folder's name: a copy made by an earlier rule is not taken for one made by this. */
const FORMAT = 'lstm2';

/**
 * Where workers load a language from. The packages ship it gzipped, Chinese with the legacy
 * recogniser too: an LSTM-only, unzipped copy is made once in the temp folder (named by the
 * package file's size) and used from then on; when that cannot be written, the package's file.
 */
export function languageData(lang: 'chi_sim' | 'eng', version: string): LanguageData {
  const key = `${lang}/${version}`;
  const known = made.get(key);
  if (known) return known;
  const packaged = join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), version);
  const source = join(packaged, `${lang}.traineddata.gz`);
  const dir = join(tmpdir(), `juesuan-tessdata-${lang}-${version}-${statSync(source).size}-${FORMAT}`);
  let data: LanguageData = { langPath: packaged, gzip: true };
  try {
    const file = join(dir, `${lang}.traineddata`);
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      // written aside and renamed: a process reading it meanwhile never sees half a file
      const part = `${file}.${process.pid}.part`;
      writeFileSync(part, withoutLegacy(gunzipSync(readFileSync(source))));
      renameSync(part, file);
    }
    data = { langPath: dir, gzip: false };
  } catch {
    // a read-only temp folder: the packaged data serve, at their cost
  }
  made.set(key, data);
  return data;
}

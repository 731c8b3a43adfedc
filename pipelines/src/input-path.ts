/**
 * File names are bytes: a zip made on a Chinese Windows carries GBK names that are not UTF-8 and
 * that a string path cannot reach. Such a file is shown by a readable name (each part decoded as
 * UTF-8, else GB18030) and opened by its bytes, which this registry keeps for the name.
 */
const rawPaths = new Map<string, Buffer>();

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

function decodePart(part: Buffer): string {
  try {
    return utf8.decode(part);
  } catch {
    return gb18030.decode(part);
  }
}

/** Bytes of a path or name → readable text: each part as UTF-8, else as GB18030. */
export function readablePath(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const parts: string[] = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x2f) {
        parts.push(decodePart(bytes.subarray(start, i)));
        start = i + 1;
      }
    }
    return parts.join('/');
  }
}

/** A path as bytes → the name shown to people (and stored); the bytes stay reachable by `fsPath`. */
export function displayPath(bytes: Buffer): string {
  const shown = readablePath(bytes);
  if (!Buffer.from(shown).equals(bytes)) rawPaths.set(shown, Buffer.from(bytes));
  return shown;
}

/** What the file system needs to open a path given by `displayPath` (or any plain path). */
export function fsPath(file: string): string | Buffer {
  return rawPaths.get(file) ?? file;
}

/** A path as bytes, for joining names read from a folder. */
export function pathBytes(path: string | Buffer): Buffer {
  return typeof path === 'string' ? (rawPaths.get(path) ?? Buffer.from(path)) : path;
}

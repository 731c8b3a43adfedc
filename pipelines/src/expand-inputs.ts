import type { Dirent } from 'node:fs';
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { displayPath, pathBytes, readablePath } from './input-path.ts';

/** What a folder walk picks up: the formats the extractor reads. */
export const SUPPORTED = /\.(pdf|txt|md|markdown|html?)$/i;
/** Notes that sit beside reports and are not reports. */
const NOT_REPORTS = /^(readme|expected|manifest|changelog|license)\b/i;

/** An input that gave no file: `failed` ones count against the exit code, `unreadable` ones are recorded as failed runs. */
export interface InputProblem {
  path: string;
  code: 'missing' | 'unreadable' | 'broken_link' | 'link_loop' | 'empty' | 'no_match';
  message: string;
  failed: boolean;
}

interface Walk {
  files: string[];
  problems: InputProblem[];
  /** real paths of the folders walked, so a symbolic link back up the tree is walked once */
  seen: Set<string>;
}

const isReport = (name: string) => SUPPORTED.test(name) && !name.includes('.expected.') && !NOT_REPORTS.test(name);
const reason = (err: unknown) => ((err as NodeJS.ErrnoException).code ?? (err as Error).message).toString();

function joinBytes(dir: Buffer, name: Buffer): Buffer {
  if (dir.equals(Buffer.from('.'))) return name;
  return dir.length === 0 || dir[dir.length - 1] === 0x2f ? Buffer.concat([dir, name]) : Buffer.concat([dir, Buffer.from('/'), name]);
}

function listFolder(dir: Buffer, walk: Walk): Array<Dirent<Buffer>> | null {
  try {
    return readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }).sort((a, b) => readablePath(a.name).localeCompare(readablePath(b.name)));
  } catch (err) {
    walk.problems.push({ path: displayPath(dir), code: 'unreadable', message: `cannot read folder (${reason(err)})`, failed: true });
    return null;
  }
}

/** A folder entry: files by name, folders recursively, symbolic links followed. */
function visit(path: Buffer, entry: Dirent<Buffer>, walk: Walk): void {
  let isDir = entry.isDirectory();
  let isFile = entry.isFile();
  if (entry.isSymbolicLink()) {
    try {
      const st = statSync(path);
      isDir = st.isDirectory();
      isFile = st.isFile();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ELOOP' || code === 'ENOENT') walk.problems.push({ path: displayPath(path), code: 'broken_link', message: `symbolic link leads nowhere (${code})`, failed: true });
      else walk.problems.push({ path: displayPath(path), code: 'unreadable', message: `cannot read (${reason(err)})`, failed: true });
      return;
    }
  }
  if (isDir) walkFolder(path, walk);
  else if (isFile && isReport(basename(readablePath(path)))) walk.files.push(displayPath(path));
}

function walkFolder(dir: Buffer, walk: Walk): void {
  let real: string;
  try {
    real = realpathSync(dir, { encoding: 'buffer' }).toString('latin1');
  } catch (err) {
    walk.problems.push({ path: displayPath(dir), code: 'unreadable', message: `cannot read folder (${reason(err)})`, failed: true });
    return;
  }
  if (walk.seen.has(real)) {
    walk.problems.push({ path: displayPath(dir), code: 'link_loop', message: 'folder reached again through a symbolic link: walked once', failed: false });
    return;
  }
  walk.seen.add(real);
  for (const entry of listFolder(dir, walk) ?? []) visit(joinBytes(dir, entry.name), entry, walk);
}

function globToRegExp(pattern: string): RegExp {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`);
}

function expandGlob(input: string, walk: Walk): void {
  const dir = pathBytes(dirname(input));
  const re = globToRegExp(basename(input));
  let entries: Array<Dirent<Buffer>>;
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') walk.problems.push({ path: input, code: 'missing', message: 'no such folder', failed: true });
    else walk.problems.push({ path: dirname(input), code: 'unreadable', message: `cannot read folder (${reason(err)})`, failed: true });
    return;
  }
  const matches = entries.filter((e) => re.test(readablePath(e.name))).sort((a, b) => readablePath(a.name).localeCompare(readablePath(b.name)));
  if (matches.length === 0) walk.problems.push({ path: input, code: 'no_match', message: 'no file matches this pattern', failed: true });
  for (const e of matches) {
    const p = joinBytes(dir, e.name);
    // a file named by the pattern is taken whatever its extension, as a file named on its own is
    if (e.isFile()) walk.files.push(displayPath(p));
    else visit(p, e, walk);
  }
}

/**
 * Files, folders (recursively, supported extensions, symbolic links followed once) and `*` globs
 * in the last path segment. Whatever gives no file says why.
 */
export function expandInputs(inputs: string[]): { files: string[]; problems: InputProblem[] } {
  const walk: Walk = { files: [], problems: [], seen: new Set() };
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      expandGlob(input, walk);
      continue;
    }
    const bytes = pathBytes(input);
    let isDir: boolean;
    try {
      isDir = statSync(bytes).isDirectory();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') walk.problems.push({ path: input, code: 'missing', message: 'no such file or folder', failed: true });
      else walk.problems.push({ path: input, code: 'unreadable', message: `cannot read (${reason(err)})`, failed: true });
      continue;
    }
    if (!isDir) {
      walk.files.push(input);
      continue;
    }
    const before = walk.files.length;
    const problemsBefore = walk.problems.length;
    walkFolder(bytes, walk);
    if (walk.files.length === before && walk.problems.length === problemsBefore) {
      walk.problems.push({ path: input, code: 'empty', message: 'no reports in this folder (.pdf .txt .md .html)', failed: false });
    }
  }
  return { files: [...new Set(walk.files)], problems: walk.problems };
}

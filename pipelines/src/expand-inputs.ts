import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** What a folder walk picks up: the formats the extractor reads. */
export const SUPPORTED = /\.(pdf|txt|md|markdown|html?)$/i;
/** Notes that sit beside reports and are not reports. */
const NOT_REPORTS = /^(readme|expected|manifest|changelog|license)\b/i;

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && SUPPORTED.test(entry.name) && !entry.name.includes('.expected.') && !NOT_REPORTS.test(entry.name)) out.push(p);
  }
}

function globToRegExp(pattern: string): RegExp {
  const re = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${re}$`);
}

/** Files, folders (recursively, supported extensions) and `*` globs in the last path segment. */
export function expandInputs(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const dir = dirname(input);
      const re = globToRegExp(basename(input));
      let matched = 0;
      try {
        for (const name of readdirSync(dir).sort()) {
          if (!re.test(name)) continue;
          const p = join(dir, name);
          if (statSync(p).isDirectory()) walk(p, files);
          else files.push(p);
          matched++;
        }
      } catch {
        /* the folder does not exist: reported below */
      }
      if (matched === 0) missing.push(input);
      continue;
    }
    try {
      const st = statSync(input);
      if (st.isDirectory()) walk(input, files);
      else files.push(input);
    } catch {
      missing.push(input);
    }
  }
  return { files: [...new Set(files)], missing };
}

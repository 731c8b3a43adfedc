/**
 * A title pattern matched with a few characters misread, dropped or added: OCR of a fax or a
 * seal's page loses characters no look-alike pair names (一般 read as “殷, the quote then dropped).
 */

/**
 * Only a word this long may hold the one edit a title is allowed: kinds differ by the words they add
 * (财政拨款基本支出 is 财政拨款支出 with 基本), so a short word, or a second edit, tells another kind.
 */
export const NEAR_MIN_LENGTH = 5;

/** The literal segments of a pattern made only of Chinese characters joined by `.*`; null for any other pattern. */
export function literalSegments(re: RegExp): string[] | null {
  const parts = re.source.split('.*');
  return parts.every((p) => /^[\u4e00-\u9fff]+$/.test(p)) ? parts : null;
}

/** The fewest edits that make `pattern` a substring of `text` from `from` on, with where that substring ends. */
export function nearestSubstring(pattern: string, text: string, from = 0): { edits: number; end: number } {
  const p = [...pattern];
  const t = [...text].slice(from);
  let row = Array.from({ length: t.length + 1 }, () => 0);
  for (let i = 1; i <= p.length; i++) {
    const next = [i];
    for (let j = 1; j <= t.length; j++) next.push(Math.min(row[j - 1]! + (p[i - 1] === t[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1));
    row = next;
  }
  let end = 0;
  for (let j = 1; j <= t.length; j++) if (row[j]! < row[end]!) end = j;
  return { edits: row[end]!, end: from + end };
}

/**
 * A word this long may hold two characters misread in place, apart (政府性基金 read 政府件基鉴):
 * kinds differ by words added (a length changed) or swapped (two characters side by side: 基本 for 收入).
 */
export const TWO_MISREAD_MIN_LENGTH = 5;
const TWO_MISREAD = 2;
/**
 * Two side by side may be misread when the characters read right hold a run this long that no other
 * kind's title has (政府性基金 read 政府性培人: 政府性 names the kind alone; 财政拨款基本支出 read
 * 财政拨款收入支出 keeps only other kinds' words).
 */
export const DISTINCT_RUN_MIN_LENGTH = 3;

export interface Misreading {
  misread: number;
  end: number;
  /** two of the misread characters stand side by side */
  adjacent: boolean;
  /** the pattern's characters read right, in runs */
  kept: string[];
}

/** The runs of the pattern's characters that are not at the misread positions. */
function keptRuns(p: string[], wrong: number[]): string[] {
  const runs: string[] = [];
  let run = '';
  p.forEach((c, k) => {
    if (wrong.includes(k)) {
      if (run) runs.push(run);
      run = '';
    } else run += c;
  });
  return run ? [...runs, run] : runs;
}

/**
 * The fewest characters misread in place (the length kept) that make `pattern` a substring of
 * `text` from `from` on, whether two of them stand side by side, and the characters read right.
 */
export function fewestMisread(pattern: string, text: string, from = 0): Misreading {
  const p = [...pattern];
  const t = [...text];
  let best: Misreading = { misread: Infinity, end: from, adjacent: false, kept: [] };
  for (let at = from; at + p.length <= t.length; at++) {
    const wrong = p.flatMap((c, k) => (c !== t[at + k] ? [k] : []));
    if (wrong.length < best.misread) best = { misread: wrong.length, end: at + p.length, adjacent: wrong.some((k, n) => n > 0 && k === wrong[n - 1]! + 1), kept: keptRuns(p, wrong) };
  }
  return best;
}

/** Whether a two-character misreading may stand for the word: apart, or beside a run only this kind's title has. */
function misreadingNamesWord(m: Misreading, namesAlone?: (run: string) => boolean): boolean {
  if (m.misread !== TWO_MISREAD) return false;
  if (!m.adjacent) return true;
  return namesAlone !== undefined && m.kept.some((run) => [...run].length >= DISTINCT_RUN_MIN_LENGTH && namesAlone(run));
}

/**
 * Whether `title` holds the pattern's segments in order with exactly one edit in all, in a word of
 * `minLength` or more, or with two characters misread in place in one word of TWO_MISREAD_MIN_LENGTH
 * or more (side by side only beside a run `namesAlone` says no other kind's title has; an exact
 * match is the caller's); false for a pattern not of literal segments.
 */
export function nearlyMatches(re: RegExp, title: string, minLength = NEAR_MIN_LENGTH, namesAlone?: (run: string) => boolean): boolean {
  const segments = literalSegments(re);
  if (!segments) return false;
  let from = 0;
  let edits = 0;
  let twoMisread = false;
  for (const s of segments) {
    const near = nearestSubstring(s, title, from);
    if (near.edits <= (s.length < minLength ? 0 : 1)) {
      edits += near.edits;
      from = near.end;
      continue;
    }
    const misread = s.length >= TWO_MISREAD_MIN_LENGTH ? fewestMisread(s, title, from) : null;
    if (!misread || !misreadingNamesWord(misread, namesAlone)) return false;
    twoMisread = true;
    edits += misread.misread;
    from = misread.end;
  }
  return twoMisread ? edits === TWO_MISREAD : edits === 1;
}

import { distance } from 'fastest-levenshtein';
import { TABLE_KINDS } from '../registry/table-kinds.ts';
import { LEADING_NUMBER } from '../toc/toc-entries.ts';
import type { Classification } from './classify-table.ts';

/** Share of characters a table's title and its 目录 entry may differ in (two OCR readings of one title). */
const OTHER_READING = 0.2;
/** How sure a kind is that only one of the two readings names. */
const ONE_READING = 0.7;
/** The 目录's reading must name its kind by its words, not by a near match. */
const NAMED = 0.8;

/** Where a kind stands in the registry: the first title match is the most specific. */
const rank = (kind: string) => TABLE_KINDS.findIndex((s) => kind.endsWith(`.${s.stem}`));

/**
 * An OCR table's title against the 目录's entry of the same number (十、…): two readings of one
 * title. Where the entry names a more specific kind, that kind is taken, unsure, both kinds kept
 * as candidates: a misread leaves a plainer kind's words standing (政府性基金 read 政府态垌令 leaves
 * 财政拨款支出) but makes up no qualifier. A plainer kind in the entry changes nothing.
 */
export function withTocReading(cls: Classification, title: string | null, toc: Array<{ number: string; title: string }>, classify: (title: string) => Classification): Classification {
  const read = (title ?? '').replace(/\s+/g, '');
  const number = LEADING_NUMBER.exec(read)?.[0].trim();
  if (!number) return cls;
  const entries = toc.filter((e) => e.number === number && distance(e.title, read) <= OTHER_READING * Math.max(e.title.length, read.length));
  if (entries.length !== 1) return cls;
  const named = classify(entries[0]!.title);
  if (named.kind === 'other' || named.kind === cls.kind || named.confidence < NAMED || named.candidates.length > 0) return cls;
  if (cls.kind !== 'other' && rank(cls.kind) <= rank(named.kind)) return cls;
  return {
    kind: named.kind,
    confidence: ONE_READING,
    evidence: [`目录 entry ${entries[0]!.title} names it`, ...cls.evidence],
    candidates: [
      { kind: named.kind, confidence: ONE_READING },
      { kind: cls.kind, confidence: cls.confidence },
    ],
  };
}

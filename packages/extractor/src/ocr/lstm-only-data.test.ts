import { describe, expect, it } from 'vitest';
import { withoutLegacy } from './lstm-only-data.ts';

/** A traineddata container: a count, 64-bit offsets (-1 for none), then the components. */
function container(components: Map<number, string>, n = 24): Buffer {
  const header = Buffer.alloc(4 + 8 * n);
  header.writeInt32LE(n, 0);
  const parts: Buffer[] = [header];
  let at = header.length;
  for (let i = 0; i < n; i++) {
    const c = components.get(i);
    header.writeBigInt64LE(c === undefined ? -1n : BigInt(at), 4 + 8 * i);
    if (c === undefined) continue;
    parts.push(Buffer.from(c, 'latin1'));
    at += c.length;
  }
  return Buffer.concat(parts);
}

function componentsOf(data: Buffer): Map<number, string> {
  const n = data.readInt32LE(0);
  const offsets = Array.from({ length: n }, (_, i) => Number(data.readBigInt64LE(4 + 8 * i)));
  const out = new Map<number, string>();
  offsets.forEach((o, i) => {
    if (o < 0) return;
    const end = offsets.slice(i + 1).find((x) => x >= 0) ?? data.length;
    out.set(i, data.subarray(o, end).toString('latin1'));
  });
  return out;
}

describe('traineddata without the legacy recogniser', () => {
  it('keeps the config, unicharset, dictionaries and every LSTM component byte for byte, and drops the templates', () => {
    const all = new Map<number, string>([
      [0, 'config'],
      [1, 'unicharset'],
      [2, 'x'],
      [3, 'inttemp'.repeat(50)],
      [4, 'pffm'],
      [5, 'normproto'],
      [7, 'system-dawg'],
      [13, 'shapes'],
      [17, 'lstm-network'],
      [19, 'lstm-dawg'],
      [23, 'version'],
    ]);
    const out = withoutLegacy(container(all));
    expect(componentsOf(out)).toEqual(new Map([...all].filter(([i]) => ![2, 3, 4, 5, 13].includes(i))));
    expect(out.length).toBeLessThan(container(all).length - 350);
  });

  it("drops the legacy recogniser's settings from the config, every other line kept", () => {
    const config = ['# CJK mode', 'language_model_ngram_on             1', 'segsearch_max_char_wh_ratio         1.3', 'edges_max_children_per_outline     10', 'classify_integer_matcher_multiplier 4', 'assume_fixed_pitch_char_segment     T', 'allow_blob_division                 F', 'textord_use_cjk_fp_model T', ''].join('\n');
    const out = componentsOf(withoutLegacy(container(new Map([[0, config], [17, 'lstm']]))));
    expect(out.get(0)).toBe(['# CJK mode', 'edges_max_children_per_outline     10', 'textord_use_cjk_fp_model T', ''].join('\n'));
    expect(out.get(17)).toBe('lstm');
  });

  it('leaves a file with no legacy parts as it was', () => {
    const lstmOnly = container(new Map([[17, 'lstm'], [23, 'v']]));
    expect(withoutLegacy(lstmOnly).equals(lstmOnly)).toBe(true);
  });
});

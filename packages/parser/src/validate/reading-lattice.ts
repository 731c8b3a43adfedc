/** Readings a lattice may give at most: three digits read two ways each. */
const MAX_READINGS = 8;

/**
 * Readings that mix the digits several readings of one cell disagree on: the recogniser misread
 * two 4s of 4,968.34 as 1s (1,968.34), and its other readings mended one each (1,968.31, 4,968.31);
 * the reading with both mended is among these. Only readings laid out alike (the same marks at
 * the same places) are mixed; none when too many digits disagree to try them all.
 */
export function readingLattice(printed: string, others: string[]): string[] {
  const shape = (t: string) => t.replace(/\d/g, '#');
  const alike = [printed, ...others].filter((t) => shape(t) === shape(printed));
  if (alike.length < 2) return [];
  const choices = [...printed].map((ch, i) => [...new Set(alike.map((t) => t[i]!))]);
  if (choices.reduce((n, c) => n * c.length, 1) > MAX_READINGS) return [];
  let readings = [''];
  for (const c of choices) readings = readings.flatMap((r) => c.map((ch) => r + ch));
  const given = new Set(alike);
  return readings.filter((r) => !given.has(r));
}

/** Every choice of `size` items of a list, in order. */
export function choices<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, k) => choices(items.slice(k + 1), size - 1).map((rest) => [item, ...rest]));
}

/** Every subset of a list with at least `fewest` items, each in the list's order (2^n of them: keep n small). */
export function subsets<T>(items: readonly T[], fewest = 1): T[][] {
  const out: T[][] = [];
  for (let mask = 1; mask < 1 << items.length; mask++) {
    const chosen = items.filter((_, k) => mask & (1 << k));
    if (chosen.length >= fewest) out.push(chosen);
  }
  return out;
}

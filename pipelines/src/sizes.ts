/** A size as people read it: 3.2 MiB, 200 MiB. */
export function mebibytes(bytes: number): string {
  const mib = bytes / 2 ** 20;
  return `${mib >= 10 || Number.isInteger(mib) ? Math.round(mib) : mib.toFixed(mib < 1 ? 2 : 1)} MiB`;
}

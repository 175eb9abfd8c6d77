/** R's quantile.default for one probability on sorted data. */
export function quantileSorted(x: Float64Array, prob: number, type: number): number {
  const n = x.length;
  const fuzz = 4 * Number.EPSILON;
  let j: number;
  let h: number;
  if (type <= 3) {
    const nppm = type === 3 ? n * prob - 0.5 : n * prob;
    j = Math.floor(nppm + fuzz);
    if (type === 1) h = nppm > j ? 1 : 0;
    else if (type === 2) h = ((nppm > j ? 1 : 0) + 1) / 2;
    else h = nppm !== j || j % 2 === 1 ? 1 : 0;
  } else {
    const ab: Record<number, [number, number]> = {
      4: [0, 1],
      5: [0.5, 0.5],
      6: [0, 0],
      7: [1, 1],
      8: [1 / 3, 1 / 3],
      9: [3 / 8, 3 / 8],
    };
    const [a, b] = ab[type];
    const nppm = a + prob * (n + 1 - a - b);
    j = Math.floor(nppm + fuzz);
    h = nppm - j;
    if (Math.abs(h) < fuzz) h = 0;
  }
  // R pads the sorted data as c(x[1], x[1], x, x[n], x[n]) and reads positions j + 2 and j + 3 (1-based).
  const at = (pos1: number): number => x[Math.min(n - 1, Math.max(0, pos1 - 3))];
  const lo = at(j + 2);
  const hi = at(j + 3);
  if (h === 0) return lo;
  if (h === 1) return hi;
  return lo === hi ? lo : (1 - h) * lo + h * hi;
}

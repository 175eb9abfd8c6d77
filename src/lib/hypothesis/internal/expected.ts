import { formatFixed } from "../../core/format";
import type { CountTable } from "./validate";

/** Expected counts under independence, E_ij = r_i c_j / n, row-major. O(r·c). */
export function expectedCounts(t: CountTable): Float64Array {
  const e = new Float64Array(t.rows * t.cols);
  for (let i = 0; i < t.rows; i++)
    for (let j = 0; j < t.cols; j++) e[i * t.cols + j] = (t.rowSums[i] * t.colSums[j]) / t.n;
  return e;
}

/** Cells with E < 5 and the smallest E, as the SPSS CROSSTABS footnote reports them. */
export interface SmallExpected {
  readonly cellsBelow5: number;
  readonly percentBelow5: number;
  readonly minExpected: number;
  /** SPSS-style footnote, or null when no cell has E < 5. */
  readonly warning: string | null;
}

export function smallExpected(expected: Float64Array): SmallExpected {
  let below = 0;
  let min = Infinity;
  for (const e of expected) {
    if (e < 5) below++;
    if (e < min) min = e;
  }
  const percent = (100 * below) / expected.length;
  const warning =
    below === 0
      ? null
      : `${below} cells (${formatFixed(percent, 1)}%) have expected count less than 5. The minimum expected ` +
        `count is ${formatFixed(min, 2)}.`;
  return { cellsBelow5: below, percentBelow5: percent, minExpected: min, warning };
}

/** Row and column sums must be positive for a test of independence; returns a warning otherwise. */
export function emptyMarginWarning(t: CountTable): string | null {
  const emptyRows = Array.from(t.rowSums).flatMap((s, i) => (s === 0 ? [i] : []));
  const emptyCols = Array.from(t.colSums).flatMap((s, j) => (s === 0 ? [j] : []));
  if (emptyRows.length === 0 && emptyCols.length === 0) return null;
  return (
    `empty margins (rows ${JSON.stringify(emptyRows)}, columns ${JSON.stringify(emptyCols)}): their expected ` +
    `counts are 0 and the statistic is undefined (NaN), as in R`
  );
}

/**
 * Solves a small dense system A x = b by Gaussian elimination with partial pivoting (the log-rank
 * variance and cox.zph's score test need k ≤ ~20). Returns null when a pivot is ≤ `tol` in absolute
 * value (singular for the caller's purpose). Internal to src/survival. Cost: O(k³).
 */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[], tol = 0): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row.slice(0, n), b[i]]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[piv][c])) piv = r;
    if (Math.abs(m[piv][c]) <= tol) return null;
    [m[c], m[piv]] = [m[piv], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

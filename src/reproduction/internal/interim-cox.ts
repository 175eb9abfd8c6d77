/**
 * INTERIM kernel: Breslow-ties Cox fit by Newton–Raphson for the two-covariate Table 6 model, used
 * only until src/survival's coxPH is committed (then coxTable6Arrays calls that and this file goes).
 * Checked against R survival::coxph(ties = "breslow") in tests/reproduction.
 *
 * Cost: O(iterations · n · p²) after one O(n log n) sort.
 */
export function interimCoxBreslow(time: readonly number[], event: readonly number[], x: readonly (readonly number[])[]): { b: number[]; se: number[]; converged: boolean } {
  const n = time.length;
  const p = 2;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => time[b] - time[a]);
  let b = [0, 0];
  let inv = [[0, 0], [0, 0]];
  let converged = false;
  for (let iter = 0; iter < 50; iter++) {
    let s0 = 0;
    const s1 = [0, 0];
    const s2 = [[0, 0], [0, 0]];
    const u = [0, 0];
    const info = [[0, 0], [0, 0]];
    let i = 0;
    while (i < n) {
      // risk set accumulates from the longest time down; tied times enter together (Breslow)
      let j = i;
      const t = time[order[i]];
      while (j < n && time[order[j]] === t) {
        const k = order[j];
        const r = Math.exp(x[k][0] * b[0] + x[k][1] * b[1]);
        s0 += r;
        for (let a = 0; a < p; a++) {
          s1[a] += r * x[k][a];
          for (let c = 0; c < p; c++) s2[a][c] += r * x[k][a] * x[k][c];
        }
        j++;
      }
      let d = 0;
      for (let q = i; q < j; q++) {
        if (event[order[q]] === 1) {
          d++;
          for (let a = 0; a < p; a++) u[a] += x[order[q]][a];
        }
      }
      if (d > 0) {
        for (let a = 0; a < p; a++) {
          u[a] -= (d * s1[a]) / s0;
          for (let c = 0; c < p; c++) info[a][c] += d * (s2[a][c] / s0 - (s1[a] * s1[c]) / (s0 * s0));
        }
      }
      i = j;
    }
    const det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
    inv = [[info[1][1] / det, -info[0][1] / det], [-info[1][0] / det, info[0][0] / det]];
    const step = [inv[0][0] * u[0] + inv[0][1] * u[1], inv[1][0] * u[0] + inv[1][1] * u[1]];
    b = [b[0] + step[0], b[1] + step[1]];
    if (Math.abs(step[0]) + Math.abs(step[1]) < 1e-10) { converged = true; break; }
  }
  return { b, se: [Math.sqrt(inv[0][0]), Math.sqrt(inv[1][1])], converged };
}

/**
 * Quadratic form d' V⁺ d with the Moore–Penrose inverse of a symmetric positive semi-definite V, and
 * rank(V), via cyclic Jacobi eigen-decomposition (k is small: categories of a table). O(k³) per sweep.
 */
export function quadraticFormPinv(v: Float64Array, d: Float64Array, k: number): { value: number; rank: number } {
  const a = Float64Array.from(v);
  const q = new Float64Array(k * k);
  for (let i = 0; i < k; i++) q[i * k + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let i = 0; i < k; i++) for (let j = i + 1; j < k; j++) off += a[i * k + j] * a[i * k + j];
    if (off < 1e-30) break;
    for (let p = 0; p < k; p++) {
      for (let r = p + 1; r < k; r++) {
        const apr = a[p * k + r];
        if (Math.abs(apr) < 1e-300) continue;
        const theta = (a[r * k + r] - a[p * k + p]) / (2 * apr);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let m = 0; m < k; m++) {
          const amp = a[m * k + p];
          const amr = a[m * k + r];
          a[m * k + p] = c * amp - s * amr;
          a[m * k + r] = s * amp + c * amr;
        }
        for (let m = 0; m < k; m++) {
          const apm = a[p * k + m];
          const arm = a[r * k + m];
          a[p * k + m] = c * apm - s * arm;
          a[r * k + m] = s * apm + c * arm;
        }
        for (let m = 0; m < k; m++) {
          const qmp = q[m * k + p];
          const qmr = q[m * k + r];
          q[m * k + p] = c * qmp - s * qmr;
          q[m * k + r] = s * qmp + c * qmr;
        }
      }
    }
  }
  let maxEig = 0;
  for (let i = 0; i < k; i++) maxEig = Math.max(maxEig, Math.abs(a[i * k + i]));
  const tol = Math.max(1e-10, k * maxEig * 1e-12);
  let value = 0;
  let rank = 0;
  for (let e = 0; e < k; e++) {
    const lambda = a[e * k + e];
    if (lambda <= tol) continue;
    rank++;
    let proj = 0;
    for (let m = 0; m < k; m++) proj += q[m * k + e] * d[m];
    value += (proj * proj) / lambda;
  }
  return { value, rank };
}

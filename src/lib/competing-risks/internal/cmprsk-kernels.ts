/**
 * Ports of cmprsk's Fortran routines (Gray 2000, GPL; cmprsk 2.2-11): `cinc` (cumulative incidence
 * and its variance as step-function corners) and `crst` (Gray's k-sample score and its variance in one
 * stratum). The arithmetic follows the Fortran statement by statement so the results agree with R to
 * rounding; comments give the paper's notation where the Fortran names are terse.
 */

/**
 * Corners of the step function (cmprsk's x, f, v): x[0] = 0, each jump appears twice, the last row is the
 * largest time.
 */
export interface CincCorners {
  readonly time: number[];
  readonly est: number[];
  readonly variance: number[];
}

/**
 * cmprsk `cinc`: y sorted ascending; failed = 1 if the case failed of any cause; ofCause = 1 if of the
 * cause of interest. Variance: Aalen's (1978) delta-method estimator as Gray codes it (ties corrected by
 * 1 − (d − 1)/(n − 1)). Cost: O(n).
 */
export function cinc(y: ArrayLike<number>, failed: ArrayLike<number>, ofCause: ArrayLike<number>): CincCorners {
  const n = y.length;
  const x = [0];
  const f = [0];
  const v = [0];
  let fk = 1;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  let rs = n;
  let ll = 0;
  while (ll < n) {
    let l = ll;
    while (l + 1 < n && y[l + 1] === y[ll]) l++;
    let nd1 = 0;
    let nd2 = 0;
    for (let i = ll; i <= l; i++) {
      nd1 += ofCause[i];
      nd2 += failed[i] - ofCause[i];
    }
    const nd = nd1 + nd2;
    if (nd > 0) {
      const fkn = (fk * (rs - nd)) / rs;
      if (nd1 > 0) {
        const last = f[f.length - 1];
        f.push(last, last + (fk * nd1) / rs);
      }
      if (nd2 > 0 && fkn > 0) {
        const t5 = nd2 > 1 ? 1 - (nd2 - 1) / (rs - 1) : 1;
        const t6 = (fk * fk * t5 * nd2) / (rs * rs);
        const t3 = 1 / fkn;
        const t4 = f[f.length - 1] / fkn;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
      }
      if (nd1 > 0) {
        const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (rs - 1) : 1;
        const t6 = (fk * fk * t5 * nd1) / (rs * rs);
        const t3 = fkn > 0 ? 1 / fkn : 0;
        const t2 = f[f.length - 1];
        const t4 = 1 + t3 * t2;
        v1 += t4 * t4 * t6;
        v2 += t3 * t4 * t6;
        v3 += t3 * t3 * t6;
        x.push(y[l], y[l]);
        v.push(v[v.length - 1], v1 + t2 * t2 * v3 - 2 * t2 * v2);
      }
      fk = fkn;
    }
    rs = n - (l + 1);
    ll = l + 1;
  }
  x.push(y[n - 1]);
  f.push(f[f.length - 1]);
  v.push(v[v.length - 1]);
  return { time: x, est: f, variance: v };
}

/**
 * cmprsk `crst`: Gray's score for the first ng − 1 groups and its variance (lower triangle packed by
 * rows, index i(i+1)/2 + j for j ≤ i, 0-based) in one stratum. y sorted ascending; m: 0 censored,
 * 1 the cause of interest, 2 another cause; group: 0..ng−1; rho: power of the weight (1 − F(t−))^ρ.
 * Cost: O(n ng²).
 */
export function crst(
  y: ArrayLike<number>,
  m: ArrayLike<number>,
  group: ArrayLike<number>,
  ng: number,
  rho: number,
): { s: Float64Array; v: Float64Array } {
  const n = y.length;
  const ng1 = ng - 1;
  const s = new Float64Array(ng1);
  const v = new Float64Array((ng1 * (ng1 + 1)) / 2);
  const rs = new Float64Array(ng);
  for (let i = 0; i < n; i++) rs[group[i]]++;
  const f1m = new Float64Array(ng);
  const f1 = new Float64Array(ng);
  const skmm = new Float64Array(ng).fill(1);
  const skm = new Float64Array(ng).fill(1);
  const v3 = new Float64Array(ng);
  const v2 = new Float64Array(ng1 * ng); // v2[i][k] at i * ng + k
  const c = new Float64Array(ng * ng);
  const a = new Float64Array(ng * ng);
  const d = new Float64Array(3 * ng); // d[k][j] at k * ng + j: censored, cause, other cause
  let fm = 0;
  let f = 0;
  let ll = 0;
  for (;;) {
    let lu = ll;
    while (lu + 1 < n && !(y[lu + 1] > y[ll])) lu++;
    d.fill(0);
    for (let i = ll; i <= lu; i++) d[m[i] * ng + group[i]]++;
    let nd1 = 0;
    let nd2 = 0;
    for (let i = 0; i < ng; i++) {
      nd1 += d[ng + i];
      nd2 += d[2 * ng + i];
    }
    if (nd1 !== 0 || nd2 !== 0) {
      // tr = Σ_r ĥ_r, tq = Σ_r R_r in the notation of Gray (1988).
      let tr = 0;
      let tq = 0;
      for (let i = 0; i < ng; i++) {
        if (rs[i] <= 0) continue;
        const td = d[ng + i] + d[2 * ng + i];
        skm[i] = (skmm[i] * (rs[i] - td)) / rs[i];
        f1[i] = f1m[i] + (skmm[i] * d[ng + i]) / rs[i];
        tr += rs[i] / skmm[i];
        tq += (rs[i] * (1 - f1m[i])) / skmm[i];
      }
      f = fm + nd1 / tr;
      const fb = (1 - fm) ** rho;
      for (let i = 0; i < ng; i++) {
        for (let j = i; j < ng; j++) a[i * ng + j] = 0;
        if (rs[i] <= 0) continue;
        const t1 = rs[i] / skmm[i];
        a[i * ng + i] = fb * t1 * (1 - t1 / tr);
        if (a[i * ng + i] !== 0) c[i * ng + i] += (a[i * ng + i] * nd1) / (tr * (1 - fm));
        for (let j = i + 1; j < ng; j++) {
          if (rs[j] <= 0) continue;
          a[i * ng + j] = (-fb * t1 * rs[j]) / (skmm[j] * tr);
          if (a[i * ng + j] !== 0) c[i * ng + j] += (a[i * ng + j] * nd1) / (tr * (1 - fm));
        }
      }
      for (let i = 1; i < ng; i++) {
        for (let j = 0; j < i; j++) {
          a[i * ng + j] = a[j * ng + i];
          c[i * ng + j] = c[j * ng + i];
        }
      }
      for (let i = 0; i < ng1; i++) {
        if (rs[i] <= 0) continue;
        s[i] += fb * (d[ng + i] - (nd1 * rs[i] * (1 - f1m[i])) / (skmm[i] * tq));
      }
      if (nd1 > 0) {
        for (let k = 0; k < ng; k++) {
          if (rs[k] <= 0) continue;
          const t4 = skm[k] > 0 ? 1 - (1 - f) / skm[k] : 1;
          const t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * skmm[k] - 1) : 1;
          const t3 = (t5 * skmm[k] * nd1) / (tr * rs[k]);
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = a[i * ng + k] - t4 * c[i * ng + k];
            v2[i * ng + k] += t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = a[j * ng + k] - t4 * c[j * ng + k];
              v[(i * (i + 1)) / 2 + j] += t1 * t2 * t3;
            }
          }
        }
      }
      if (nd2 !== 0) {
        for (let k = 0; k < ng; k++) {
          const d2 = d[2 * ng + k];
          if (skm[k] <= 0 || d2 <= 0) continue;
          const t4 = (1 - f) / skm[k];
          const t5 = d2 > 1 ? 1 - (d2 - 1) / (rs[k] - 1) : 1;
          const t3 = (t5 * skmm[k] ** 2 * d2) / rs[k] ** 2;
          v3[k] += t4 * t4 * t3;
          for (let i = 0; i < ng1; i++) {
            const t1 = t4 * c[i * ng + k];
            v2[i * ng + k] -= t1 * t4 * t3;
            for (let j = 0; j <= i; j++) {
              const t2 = t4 * c[j * ng + k];
              v[(i * (i + 1)) / 2 + j] += t1 * t2 * t3;
            }
          }
        }
      }
    }
    if (lu >= n - 1) break;
    for (let i = ll; i <= lu; i++) rs[group[i]]--;
    fm = f;
    f1m.set(f1);
    skmm.set(skm);
    ll = lu + 1;
  }
  for (let i = 0; i < ng1; i++) {
    for (let j = 0; j <= i; j++) {
      const l = (i * (i + 1)) / 2 + j;
      for (let k = 0; k < ng; k++) {
        v[l] += c[i * ng + k] * c[j * ng + k] * v3[k];
        v[l] += c[i * ng + k] * v2[j * ng + k];
        v[l] += c[j * ng + k] * v2[i * ng + k];
      }
    }
  }
  return { s, v };
}

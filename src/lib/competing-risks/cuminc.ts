import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import { radixArgsort } from "../survival/cox-sort";
import { solveLinear } from "../survival/linear-solve";
import { cinc, crst } from "./internal/cmprsk-kernels";
import {
  type StatusCode,
  type StatusCoding,
  validateCompetingRisks,
  validateGroups,
} from "./internal/competing-risks-input";

export interface CumincOptions extends StatusCoding {
  /** Group per subject: one curve per group × cause, and Gray's test across groups (cmprsk `group`). */
  readonly group?: ArrayLike<string | number>;
  /** Stratum per subject: Gray's test is stratified (cmprsk `strata`); the curves are not. */
  readonly strata?: ArrayLike<string | number>;
  /** Power of the test's weight (1 − F(t−))^ρ; default 0 (cmprsk `rho`), the log-rank-like choice. */
  readonly rho?: number;
}

/** One cumulative-incidence curve as cmprsk stores it: corners of the step function. */
export interface CumincCurve {
  /** cmprsk's name, "group cause" ("1 1" without groups). */
  readonly name: string;
  readonly group: string;
  readonly cause: string;
  /** Corners: time[0] = 0, each jump time twice (before and after the jump), the last is the largest time. */
  readonly time: readonly number[];
  /** Cumulative incidence at the corners (cmprsk `est`). */
  readonly est: readonly number[];
  /** Its variance (cmprsk `var`: Aalen's delta-method estimator with Gray's tie correction). */
  readonly var: readonly number[];
}

/** One row of Gray's test (cmprsk `$Tests`). */
export interface GrayTest {
  readonly cause: string;
  /** cmprsk `stat`: s′ V⁻¹ s; null where V is singular (cmprsk reports −1). */
  readonly stat: number | null;
  /** Upper tail of χ²(df) at stat (cmprsk `pv` computes 1 − pchisq, which reads 0 below about 1e-16). */
  readonly pValue: number | null;
  readonly df: number;
  /** Scores of the first G − 1 groups and their variance matrix, summed over strata. */
  readonly score: readonly number[];
  readonly variance: readonly (readonly number[])[];
}

/** Result of {@link cuminc}: plain, frozen, JSON-serializable. */
export interface CumincResult {
  readonly kind: "cuminc";
  readonly n: number;
  readonly groups: readonly string[];
  readonly causes: readonly string[];
  readonly strata: readonly string[] | null;
  readonly rho: number;
  /** Curves by cause, then group (cmprsk's order). */
  readonly curves: readonly CumincCurve[];
  /** Gray's test per cause; null with one group. */
  readonly tests: readonly GrayTest[] | null;
  readonly convention: string;
  readonly warnings: readonly string[];
}

/**
 * Cumulative incidence functions of each cause by group, with their variances, and Gray's (1988)
 * k-sample test that the cumulative incidence of a cause is the same in all groups (optionally
 * stratified), as cmprsk::cuminc computes them. The estimates equal the Aalen–Johansen ones of
 * {@link aalenJohansen}; the variance is Aalen's delta-method estimator with Gray's correction for
 * ties (survfit reports the infinitesimal-jackknife one instead, so the two SEs differ slightly).
 * Gray's statistic compares weighted subdistribution hazards, weight (1 − F(t−))^ρ, and is χ² with
 * G − 1 df under the null. Times are used as given (cmprsk merges no near ties). cmprsk's Fortran forms
 * the product (failures at a time) × (number at risk in a group) in 32-bit integers; past 2³¹ (10⁶ rows
 * with thousands of failures tied at one time) its statistic overflows silently, while this port
 * computes in doubles — the one place where the two differ (seen in bench/cuminc.bench.ts).
 *
 * References: Gray RJ (1988) Ann Stat 16:1141; Kalbfleisch & Prentice (2002) §8.2; cmprsk 2.2-11 (Fortran
 * cinc, crstm). R: `cmprsk::cuminc(ftime, fstatus, group, strata, rho = 0, cencode = 0)`; the curve
 * names and the `Tests` columns (stat, pv, df) follow it. SPSS has no cumulative-incidence procedure.
 * Cost: O(n log n) to sort, O(n) per curve, O(n G²) per test.
 *
 * @example
 * const r = cuminc([1, 2, 3, 4, 5, 6], [1, 2, 1, 0, 1, 2], { group: ["a", "b", "a", "b", "a", "b"] });
 * r.curves.map((c) => c.name) // ["a 1", "b 1", "a 2", "b 2"]
 * r.tests?.[0].stat?.toFixed(4) // "3.9283" (R cmprsk: 3.9282727245, pv 0.04748)
 */
export function cuminc(
  time: ArrayLike<number>,
  status: ArrayLike<StatusCode>,
  options: CumincOptions = {},
): CumincResult {
  checkOptions(options);
  const rho = options.rho ?? 0;
  if (typeof rho !== "number" || !Number.isFinite(rho))
    throw new InputError("must be a finite number", { field: "rho", value: rho });
  const data = validateCompetingRisks(time, status, options, undefined, 0);
  const n = data.n;
  const K = data.causes.length;
  if (K === 0) throw new InputError("no events of any cause: nothing to estimate", { field: "status", value: status });
  const groups = validateGroups(options.group, n, "group") ?? { codes: new Int32Array(n), labels: ["1"] };
  const strata = validateGroups(options.strata, n, "strata");
  const order = radixArgsort(data.time, false);
  const y = new Float64Array(n);
  const cause = new Uint8Array(n);
  const g = new Int32Array(n);
  const st = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    const i = order[r];
    y[r] = data.time[i];
    cause[r] = data.cause[i];
    g[r] = groups.codes[i];
    st[r] = strata === null ? 0 : strata.codes[i];
  }
  const G = groups.labels.length;
  const curves: CumincCurve[] = [];
  const tests: GrayTest[] = [];
  const warnings: string[] = [];
  for (let k = 1; k <= K; k++) {
    for (let gg = 0; gg < G; gg++) {
      const yy: number[] = [];
      const failed: number[] = [];
      const ofCause: number[] = [];
      for (let r = 0; r < n; r++) {
        if (g[r] !== gg) continue;
        yy.push(y[r]);
        failed.push(cause[r] > 0 ? 1 : 0);
        ofCause.push(cause[r] === k ? 1 : 0);
      }
      const c = cinc(yy, failed, ofCause);
      const label = data.causes[k - 1];
      curves.push({
        name: `${groups.labels[gg]} ${label}`,
        group: groups.labels[gg],
        cause: label,
        time: c.time,
        est: c.est,
        var: c.variance,
      });
    }
    if (G > 1)
      tests.push(grayTest(y, cause, g, st, strata?.labels.length ?? 1, G, k, rho, data.causes[k - 1], warnings));
  }
  return deepFreeze({
    kind: "cuminc" as const,
    n,
    groups: [...groups.labels],
    causes: [...data.causes],
    strata: strata === null ? null : [...strata.labels],
    rho,
    curves,
    tests: G > 1 ? tests : null,
    convention: `R cmprsk::cuminc (rho = ${rho}${strata === null ? "" : ", stratified"})`,
    warnings,
  });
}

function grayTest(
  y: Float64Array,
  cause: Uint8Array,
  g: Int32Array,
  st: Int32Array,
  nStrata: number,
  G: number,
  k: number,
  rho: number,
  label: string,
  warnings: string[],
): GrayTest {
  const n = y.length;
  const G1 = G - 1;
  const s = new Float64Array(G1);
  const v = new Float64Array((G1 * (G1 + 1)) / 2);
  for (let h = 0; h < nStrata; h++) {
    const ys: number[] = [];
    const ms: number[] = [];
    const gs: number[] = [];
    for (let r = 0; r < n; r++) {
      if (st[r] !== h) continue;
      ys.push(y[r]);
      ms.push(cause[r] === 0 ? 0 : cause[r] === k ? 1 : 2);
      gs.push(g[r]);
    }
    const part = crst(ys, ms, gs, G, rho);
    for (let i = 0; i < G1; i++) s[i] += part.s[i];
    for (let l = 0; l < v.length; l++) v[l] += part.v[l];
  }
  const V: number[][] = Array.from({ length: G1 }, (_, i) =>
    Array.from({ length: G1 }, (_, j) => (j <= i ? v[(i * (i + 1)) / 2 + j] : v[(j * (j + 1)) / 2 + i])),
  );
  let maxDiag = 0;
  for (let i = 0; i < G1; i++) maxDiag = Math.max(maxDiag, Math.abs(V[i][i]));
  const solved = solveLinear(V, Array.from(s), 1e-7 * maxDiag);
  let stat: number | null = null;
  if (solved === null) {
    warnings.push(`cause ${label}: the variance of Gray's score is singular; no test (cmprsk reports stat = -1)`);
  } else {
    stat = 0;
    for (let i = 0; i < G1; i++) stat += s[i] * solved[i];
  }
  return {
    cause: label,
    stat,
    pValue: stat === null ? null : chisqUpperTail(stat, G1),
    df: G1,
    score: Array.from(s),
    variance: V,
  };
}

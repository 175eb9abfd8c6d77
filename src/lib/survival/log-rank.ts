import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { statResult, type StatResult } from "../core/result";
import { chisqUpperTail } from "../distributions/chi-square-tail";
import { radixArgsort } from "./cox-sort";
import { solveLinear } from "./linear-solve";
import { checkGroupLabels, groupLevels } from "./group-labels";
import { isSurv, type Surv } from "./surv";

export interface LogRankOptions {
  /** G-rho weight S(t−)^rho with S the pooled Kaplan–Meier: 0 = log-rank (default), 1 = Peto–Peto. */
  readonly rho?: number;
  /** Stratum label per subject: a stratified test sums O, E and V over strata. */
  readonly strata?: ArrayLike<string | number>;
}

/** One group's line of the log-rank table (R survdiff's N, Observed, Expected). */
export interface LogRankGroup {
  readonly group: string;
  readonly n: number;
  /** Observed events (G-rho weighted when rho ≠ 0, as R's survdiff `obs`). */
  readonly observed: number;
  /** Expected events under equal hazards (R's `exp`). */
  readonly expected: number;
}

/** Details of {@link logRank}: per group, and as R survdiff's parallel vectors (same order). */
export interface LogRankDetails {
  /** One row per group in R's factor-level order: label, N, observed and expected events. */
  readonly byGroup: readonly LogRankGroup[];
  /** Group labels in R's factor-level order (sorted, numeric-aware). */
  readonly groups: readonly string[];
  readonly n: readonly number[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  /** Variance–covariance matrix of O − E (R's `var`). */
  readonly variance: readonly (readonly number[])[];
  readonly rho: number;
  /** Stratum labels in order of first appearance, or null when unstratified. */
  readonly strata: readonly string[] | null;
}

/**
 * Log-rank family test of k survival curves (G-rho weights, optional strata): observed and
 * expected events per group, their variance matrix, χ² = (O−E)ᵀ V⁻ (O−E) on k − 1 df.
 * With counting-process data (survCounting: one row per (start, stop] interval, a group label per
 * row) the risk set at t is the rows with start < t ≤ stop, so a subject can enter late or change
 * group over time — the Mantel–Byar test when the group is a treatment that starts during follow-up.
 *
 * Reference: Mantel (1966); Harrington & Fleming (1982) for G-rho; Mantel & Byar (1974) JASA 69:81
 * for time-dependent groups. R: survdiff(Surv(time, status) ~ group + strata(s), rho = 0) (survdiff
 * does not take counting-process data). SPSS 27: KM /TEST LOGRANK (rho = 0, the same statistic).
 * Cost: O(n log n).
 *
 * @example
 * const r = logRank(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0]), ["a", "b", "a", "b", "a", "b"]);
 * r.df // 1
 * r.details.byGroup[0] // { group: "a", n: 3, observed: 3, expected: 2.2333 } (0.5 + 0.4 + 0.5 + 1/3 + 0.5)
 */
export function logRank(
  y: Surv,
  groups: ArrayLike<string | number>,
  options: LogRankOptions = {},
): StatResult<LogRankDetails> {
  checkOptions(options);
  if (!isSurv(y)) throw new InputError("must be a Surv built by surv() or survCounting()", { field: "y", value: y });
  const g = checkGroupLabels(groups, "groups", y.n);
  const rho = options.rho ?? 0;
  if (!(typeof rho === "number" && Number.isFinite(rho) && rho >= 0))
    throw new InputError("must be a finite number ≥ 0", { field: "options.rho", value: rho });
  const strata = options.strata === undefined ? null : checkGroupLabels(options.strata, "options.strata", y.n);
  const levels = groupLevels(g);
  const k = levels.length;
  if (k < 2)
    throw new InputError(`needs at least 2 groups, got ${k} (${levels.map(String).join(", ")})`, {
      field: "groups",
      value: levels,
    });
  const groupIndex = new Map(levels.map((l, i) => [l, i]));
  const gi = g.map((l) => groupIndex.get(l)!);
  const observed = new Array<number>(k).fill(0);
  const expected = new Array<number>(k).fill(0);
  const variance = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const stratumOf = strata ?? new Array<string | number>(y.n).fill(0);
  const stratumLevels = [...new Set(stratumOf)];
  for (const level of stratumLevels) {
    const members: number[] = [];
    for (let i = 0; i < y.n; i++) if (stratumOf[i] === level) members.push(i);
    const rows = Array.from(
      radixArgsort(
        Float64Array.from(members, (i) => y.time[i]),
        false,
      ),
      (k) => members[k],
    );
    // Counting process: rows join the risk set once t passes their start (entries sorted by start).
    const start = y.start;
    const entries =
      start === null
        ? null
        : Array.from(
            radixArgsort(
              Float64Array.from(members, (i) => start[i]),
              false,
            ),
            (k) => members[k],
          );
    const atRisk = new Array<number>(k).fill(0);
    if (entries === null) for (const i of rows) atRisk[gi[i]]++;
    let nRisk = entries === null ? rows.length : 0;
    let e = 0;
    let s = 1; // pooled KM just before the current time, for G-rho weights
    let r = 0;
    while (r < rows.length) {
      const t = y.time[rows[r]];
      if (entries !== null && start !== null) {
        while (e < entries.length && start[entries[e]] < t) {
          atRisk[gi[entries[e]]]++;
          nRisk++;
          e++;
        }
      }
      const deaths = new Array<number>(k).fill(0);
      const leaving = new Array<number>(k).fill(0);
      let d = 0;
      let m = 0;
      while (r < rows.length && y.time[rows[r]] === t) {
        const i = rows[r];
        leaving[gi[i]]++;
        m++;
        if (y.event[i] === 1) {
          deaths[gi[i]]++;
          d++;
        }
        r++;
      }
      if (d > 0) {
        const w = rho === 0 ? 1 : s ** rho;
        const v = nRisk > 1 ? (d * (nRisk - d)) / (nRisk - 1) : 0;
        for (let a = 0; a < k; a++) {
          observed[a] += w * deaths[a];
          expected[a] += (w * d * atRisk[a]) / nRisk;
          for (let b = 0; b < k; b++) {
            const ea = atRisk[a] / nRisk;
            variance[a][b] += w * w * v * ea * ((a === b ? 1 : 0) - atRisk[b] / nRisk);
          }
        }
        s *= 1 - d / nRisk;
      }
      for (let a = 0; a < k; a++) atRisk[a] -= leaving[a];
      nRisk -= m;
    }
  }
  const sizes = levels.map((_, a) => gi.filter((x) => x === a).length);
  const diff = observed.map((o, a) => o - expected[a]);
  const statistic = quadraticFormDropLast(diff, variance);
  const df = k - 1;
  const warnings: string[] = [];
  if (!Number.isFinite(statistic)) warnings.push("variance matrix is singular: no information to compare the groups");
  return statResult({
    test: "logrank",
    method: rho === 0 ? "Log-rank test" : rho === 1 ? "Peto–Peto (G-rho, rho = 1) test" : `G-rho test (rho = ${rho})`,
    convention:
      `R survival::survdiff(rho = ${rho})${strata ? " with strata" : ""}` +
      `${y.kind === "counting" ? ", risk sets from (start, stop] rows" : ""}; SPSS 27 KM /TEST LOGRANK for rho = ` +
      `0`,
    statisticName: "Chisq",
    statistic,
    df,
    pValue: Number.isFinite(statistic) ? chisqUpperTail(statistic, df) : null,
    n: y.n,
    warnings,
    details: {
      byGroup: levels.map((l, a) => ({ group: String(l), n: sizes[a], observed: observed[a], expected: expected[a] })),
      groups: levels.map(String),
      n: sizes,
      observed,
      expected,
      variance,
      rho,
      strata: strata ? stratumLevels.map(String) : null,
    },
  });
}

/** dᵀ V⁻¹ d on the first k − 1 components (V restricted); NaN when V is singular. */
function quadraticFormDropLast(d: number[], v: number[][]): number {
  const m = d.length - 1;
  const x = solveLinear(
    v.slice(0, m).map((row) => row.slice(0, m)),
    d.slice(0, m),
    1e-12,
  );
  return x === null ? NaN : x.reduce((acc, xi, i) => acc + xi * d[i], 0);
}

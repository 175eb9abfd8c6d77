import { deepFreeze } from "../core/freeze";
import { shortNumber } from "../core/format";
import type { Surv } from "../survival/surv";
import { distinctTimes } from "./internal/distinct-times";
import type { HandTable } from "./km-table-by-hand";

/** One death time of the hand-worked Greenwood variance. */
export interface GreenwoodHandRow {
  readonly time: number;
  readonly atRisk: number;
  readonly deaths: number;
  /** d / (n (n − d)); null when everyone at risk died (n = d: the term is infinite). */
  readonly term: number | null;
  /** Σ of the terms up to `time`: the variance of −log S(t); null once a term was infinite. */
  readonly sum: number | null;
  readonly survival: number;
  /** Greenwood's variance of S(t), S² × Σ; null when undefined. */
  readonly variance: number | null;
  /** Its square root, the standard error of S(t) (SPSS's "Std. Error"). */
  readonly se: number | null;
  /** √Σ, the standard error of −log S(t): what R's survfit stores as `std.err`. */
  readonly seLog: number | null;
  readonly working: string;
}

/**
 * Greenwood's variance of the Kaplan–Meier estimate worked by hand, one row per death time:
 * Var Ŝ(t) = Ŝ(t)² Σ_{tᵢ ≤ t} dᵢ / (nᵢ (nᵢ − dᵢ)). Censoring times add no term (S does not move there); they only
 * shrink
 * the later nᵢ, which makes later terms larger. The row also shows √Σ, the standard error of −log S that R prints as
 * `std.err` (SPSS prints S·√Σ): the two differ by the factor S.
 *
 * Independent of the library's kernel: the teaching notebook checks every value against {@link kaplanMeier}.
 * Reference: Greenwood M (1926) Reports on Public Health and Medical Subjects 33; Collett D (2015) §2.2.1.
 * R: survfit(...)$std.err (√Σ), summary(survfit(...))$std.err (S·√Σ). SPSS 27 KM: "Std. Error" (S·√Σ).
 * Cost: O(n log n).
 *
 * @example
 * greenwoodByHand(surv([1, 2, 3], [1, 1, 0])).rows[1].se // 0.2721655 (S = 1/3, Σ = 1/6 + 1/2)
 */
export function greenwoodByHand(y: Surv): HandTable<GreenwoodHandRow> {
  let survival = 1;
  let sum: number | null = 0;
  const rows = distinctTimes(y)
    .filter((r) => r.deaths > 0)
    .map((r): GreenwoodHandRow => {
      survival *= 1 - r.deaths / r.atRisk;
      const term = r.atRisk === r.deaths ? null : r.deaths / (r.atRisk * (r.atRisk - r.deaths));
      const before = sum;
      sum = sum === null || term === null ? null : sum + term;
      const variance = sum === null ? null : survival ** 2 * sum;
      const se = variance === null ? null : Math.sqrt(variance);
      const f = (x: number) => shortNumber(x, 4);
      const working =
        sum === null || before === null
          ? `everyone at risk died (n = d = ${r.deaths}): S = 0 and d/(n(n − d)) is infinite, so Greenwood's ` +
            "variance is undefined (R: NaN)"
          : `Σ = ${f(before)} + ${r.deaths}/(${r.atRisk}·${r.atRisk - r.deaths}) = ${f(sum)}; Var = ` +
            `${f(survival)}² × ${f(sum)} = ${shortNumber(variance as number, 5)}; SE = ${f(se as number)}`;
      return {
        time: r.time,
        atRisk: r.atRisk,
        deaths: r.deaths,
        term,
        sum,
        survival,
        variance,
        se,
        seLog: sum === null ? null : Math.sqrt(sum),
        working,
      };
    });
  return deepFreeze({
    rows,
    labels: {
      time: "t",
      atRisk: "n",
      deaths: "d",
      term: "d/(n(n − d))",
      sum: "Σ",
      survival: "S(t)",
      variance: "Var S(t) = S²Σ",
      se: "SE S(t)",
      seLog: "√Σ (R's std.err)",
      working: "working",
    },
  });
}

import { deepFreeze } from "../core/freeze";
import { shortNumber } from "../core/format";
import type { Surv } from "../survival/surv";
import { distinctTimes } from "./internal/distinct-times";

/** One distinct time of the hand-built Kaplan–Meier table. */
export interface KmHandRow {
  readonly time: number;
  /** n: alive and under observation just before `time`. */
  readonly atRisk: number;
  /** d: deaths at `time`. */
  readonly deaths: number;
  /** c: censored at `time` (they leave the risk set after the deaths of that time). */
  readonly censored: number;
  /** 1 − d/n, the share of the risk set that survives `time`; null where nobody died. */
  readonly conditional: number | null;
  /** S(t) just after `time`: the product of every 1 − d/n so far. */
  readonly survival: number;
  /** The step in words and arithmetic, as a student would write it. */
  readonly working: string;
}

/** A table a notebook can show: rows, and the heading of each column. */
export interface HandTable<Row> {
  readonly rows: readonly Row[];
  /** Column headings in the notation of the formulas, keyed by row field, in display order. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The Kaplan–Meier table built the way it is taught: sort the patients by time, and at each distinct time count those
 * at risk (n), the deaths (d) and the censorings (c). Where someone died, S(t) = S(previous) × (1 − d/n); a censored
 * patient only leaves the risk set, so S does not move. Deaths tied with censorings come first (the censored patient
 * was still at risk at that time). Every row carries its arithmetic ("0.7875 × (1 − 2/7) = 0.5625").
 *
 * An independent, deliberately plain implementation (no code shared with {@link kaplanMeier}): the teaching notebook
 * checks its numbers against the library's. Reference: Kaplan EL, Meier P (1958) JASA 53:457; Collett D (2015)
 * Modelling Survival Data in Medical Research, 3rd ed., §2.1.2. R: summary(survfit(Surv(time, status) ~ 1),
 * censored = TRUE). SPSS 27: KM time /STATUS = status(1) /PRINT TABLE (one row per patient).
 * Cost: O(n log n).
 *
 * @example
 * kmTableByHand(surv([2, 3, 4], [1, 0, 1])).rows.map((r) => r.working)
 * // ["1 death of 3 at risk: S = 1 × (1 − 1/3) = 0.6667",
 * //  "1 censored: leaves the risk set, S stays 0.6667",
 * //  "1 death of 1 at risk: S = 0.6667 × (1 − 1/1) = 0"]
 */
export function kmTableByHand(y: Surv): HandTable<KmHandRow> {
  let survival = 1;
  const rows = distinctTimes(y).map((r): KmHandRow => {
    const before = survival;
    const conditional = r.deaths > 0 ? 1 - r.deaths / r.atRisk : null;
    if (conditional !== null) survival = before * conditional;
    const parts: string[] = [];
    if (r.deaths > 0) {
      parts.push(
        `${r.deaths} death${r.deaths > 1 ? "s" : ""} of ${r.atRisk} at risk: S = ${shortNumber(before, 4)} × ` +
          `(1 − ${r.deaths}/${r.atRisk}) = ${shortNumber(survival, 4)}`,
      );
    }
    if (r.censored > 0) {
      parts.push(
        r.deaths > 0
          ? `then ${r.censored} censored leave${r.censored > 1 ? "" : "s"} the risk set`
          : `${r.censored} censored: leave${r.censored > 1 ? "" : "s"} the risk set, ` +
              `S stays ${shortNumber(survival, 4)}`,
      );
    }
    return { ...r, conditional, survival, working: parts.join("; ") };
  });
  return deepFreeze({
    rows,
    labels: {
      time: "t",
      atRisk: "n (at risk)",
      deaths: "d (deaths)",
      censored: "c (censored)",
      conditional: "1 − d/n",
      survival: "S(t)",
      working: "working",
    },
  });
}

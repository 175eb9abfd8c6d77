import { checkOptions } from "../core/check-options";
import { formatFixed, formatP } from "../core/format";
import { coxPH, type CoxTerm } from "../survival/cox-ph";
import type { Surv } from "../survival/surv";
import { mantelByarTest } from "./mantel-byar-test";
import { checkRightCensored, checkTreatmentTimes } from "./split-at-treatment";
import { timeDependentCox } from "./time-dependent-cox";

/**
 * The same treatment analysed two ways, as table rows: "ever treated" as a baseline covariate (the
 * immortal-time error) and as a time-dependent covariate, with the Mantel–Byar test — the comparison
 * to run whenever a treatment starts after time zero. Treatment times: null = never treated. Cost: two
 * Cox fits and one test.
 *
 * @example
 * const y = surv([5, 8, 12, 20, 3, 9], [1, 1, 0, 1, 1, 0]);
 * immortalTimeComparison(y, [null, 2, 4, null, null, 1]).map((r) => r.analysis)[1] // "time-dependent covariate"
 */
export function immortalTimeComparison(
  y: Surv,
  treatmentTime: ArrayLike<number | null>,
  options: { ties?: "efron" | "breslow" } = {},
): readonly Record<string, string | number | null>[] {
  checkOptions(options);
  checkRightCensored(y);
  const tt = checkTreatmentTimes(treatmentTime, y.n);
  const ties = options.ties ?? "efron";
  const ever = tt.map((t, i) => (t !== null && t < y.time[i] ? 1 : 0));
  const naive = coxPH(y, { names: ["ever treated"], columns: [ever] }, { ties }).terms[0];
  const td = timeDependentCox(y, tt, { ties }).terms[0];
  const mb = mantelByarTest(y, tt);
  const row = (analysis: string, t: CoxTerm, test: string) => ({
    analysis,
    HR: t.hazardRatio,
    lower: t.ciLower,
    upper: t.ciUpper,
    "Wald p": formatP(t.pValue),
    "log-rank-type test": test,
  });
  return Object.freeze([
    row("ever treated, baseline covariate (immortal time)", naive, "—"),
    row("time-dependent covariate", td, `Mantel–Byar χ² = ${formatFixed(mb.statistic, 3)}, p = ${formatP(mb.pValue)}`),
  ]);
}

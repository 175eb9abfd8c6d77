import { loadRegistry, type Registry } from "../audit/registry";
import { coxTable6Arrays, type CoxRow } from "../reproduction/cox-table6";
import { waldSummary } from "../../lib/survival/wald-summary";
import { survivalSummaryArrays } from "../reproduction/survival-summary";
import { printedInterval, printedMiss } from "./printed-miss";
import { cohortCodebook } from "../cohort/codebook";
import type { SurvivalEvaluators } from "./reconstruct-cohort";

/**
 * The survival computations of the reconstruction, bound to the reproduction functions (the same
 * ones the notebooks and the scorecard use) and to the registry's printed Table 6 numbers. The
 * visceral row's lower CI bound is not a target: the printed interval contradicts B at printed
 * precision (audit cox-row; KNOWN_CONFLICTS), and B, p, Exp(B) and the upper bound fix it.
 *
 * Cost: O(1) to build; each call one Cox fit, one Kaplan–Meier pass, or O(1) for estimates.
 */
export function defaultEvaluators(registry: Registry = loadRegistry()): SurvivalEvaluators {
  const printed = (["visceral", "bma"] as const).map((t) => ({
    b: registry.get(`t6.${t}.b`).value,
    p: registry.get(`t6.${t}.p`).value,
    expb: registry.get(`t6.${t}.expb`).value,
    lower: t === "visceral" ? null : registry.get(`t6.${t}.lower`).value,
    upper: registry.get(`t6.${t}.upper`).value,
  }));
  const rowsLoss = (rows: readonly Omit<CoxRow, "se">[]): number => {
    let loss = 0;
    rows.forEach((r, k) => {
      const t = printed[k];
      loss +=
        printedMiss(r.b, t.b) + printedMiss(r.p, t.p) + printedMiss(r.expb, t.expb) + printedMiss(r.upper, t.upper);
      if (t.lower !== null) loss += printedMiss(r.lower, t.lower);
    });
    return loss;
  };
  // B must print as published and so must Exp(B): the intersection of the two windows
  const windows = printed.map((t) => {
    const [bLo, bHi] = printedInterval(t.b);
    const [eLo, eHi] = printedInterval(t.expb);
    return [Math.max(bLo, Math.log(eLo)), Math.min(bHi, Math.log(eHi))];
  });
  return {
    table6Loss: ({ time, event, visceral, bma }) => rowsLoss(coxTable6Arrays(time, event, visceral, bma)),
    table6EstimateLoss: ({ b, se }) =>
      rowsLoss(
        [0, 1].map((k) => {
          const w = waldSummary(b[k], se[k]);
          return { b: b[k], p: w.pValue, expb: w.hazardRatio, lower: w.ciLower, upper: w.ciUpper };
        }),
      ),
    table6Window: {
      center: [(windows[0][0] + windows[0][1]) / 2, (windows[1][0] + windows[1][1]) / 2],
      halfWidth: [(windows[0][1] - windows[0][0]) / 2, (windows[1][1] - windows[1][0]) / 2],
    },
    medianCi: (months, died) => survivalSummaryArrays(months, died),
    // the codebook's month (studyDesign.survivalTime), as survivalMonths() of src/cohort
    daysToMonths: (days) => days / cohortCodebook().studyDesign.survivalTime.daysPerMonth,
  };
}

import { loadRegistry, type Registry } from "../../audit/registry";
import { coxTable6Arrays } from "../../reproduction/cox-table6";
import { survivalSummaryArrays } from "../../reproduction/survival-summary";
import { printedMiss } from "./printed-miss";
import { cohortCodebook } from "../codebook";
import type { SurvivalEvaluators } from "./reconstruct-cohort";


/**
 * The survival computations of the reconstruction, bound to the reproduction functions (the same
 * ones the notebooks and the scorecard use) and to the registry's printed Table 6 numbers. The CI
 * bounds of the visceral row weigh half: they contradict its B at printed precision (audit cox-row).
 *
 * Cost: O(1) to build; each call one Cox fit or one Kaplan–Meier pass.
 */
export function defaultEvaluators(registry: Registry = loadRegistry()): SurvivalEvaluators {
  const printed = (["visceral", "bma"] as const).map((t) => ({
    b: registry.get(`t6.${t}.b`).value,
    p: registry.get(`t6.${t}.p`).value,
    expb: registry.get(`t6.${t}.expb`).value,
    lower: registry.get(`t6.${t}.lower`).value,
    upper: registry.get(`t6.${t}.upper`).value,
  }));
  return {
    table6Loss: ({ time, event, visceral, bma }) => {
      const rows = coxTable6Arrays(time, event, visceral, bma);
      let loss = 0;
      rows.forEach((r, k) => {
        const t = printed[k];
        loss += printedMiss(r.b, t.b) + printedMiss(r.p, t.p) + printedMiss(r.expb, t.expb) + 0.5 * (printedMiss(r.lower, t.lower) + printedMiss(r.upper, t.upper));
      });
      return loss;
    },
    medianCi: (months, died) => survivalSummaryArrays(months, died),
    // the codebook's month (studyDesign.survivalTime), as survivalMonths() of src/cohort
    daysToMonths: (days) => days / cohortCodebook().studyDesign.survivalTime.daysPerMonth,
  };
}

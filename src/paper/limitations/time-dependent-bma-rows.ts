import { formatP } from "../../lib/core/format";
import type { CoxTerm } from "../../lib/survival/cox-ph";
import { coxTable6Fit } from "../reproduction/cox-table6";
import type { Study } from "../study/study";
import type { BmaStartScenario } from "./bma-start-scenarios";
import { mantelByarTest } from "../../lib/time-dependent/mantel-byar-test";
import { table6BmaData, timeDependentBmaFit } from "./internal-bma-model";

/**
 * Postoperative BMA in the Table 6 model (one-year follow-up, visceral metastases as covariate, Breslow
 * ties): as the paper entered it (a baseline 0/1 covariate) and as a time-dependent covariate under each
 * start-time scenario, with the Mantel–Byar test; table rows for a notebook. Cost: one Cox fit and one
 * Mantel–Byar test per scenario.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * timeDependentBmaRows(study, bmaStartScenarios(study, [1]))[0].analysis // "baseline covariate (as Table 6)"
 */
export function timeDependentBmaRows(
  study: Study,
  scenarios: readonly BmaStartScenario[],
): readonly Record<string, string | number | null>[] {
  const d = table6BmaData(study);
  const row = (analysis: string, assumption: string, t: CoxTerm, mantelByar: string, moved: number | null) => ({
    analysis,
    assumption,
    "HR (BMA)": t.hazardRatio,
    lower: t.ciLower,
    upper: t.ciUpper,
    "Wald p": formatP(t.pValue),
    "Mantel–Byar p": mantelByar,
    "starts moved to halfway": moved,
  });
  const baseline = coxTable6Fit(study).terms[1];
  return Object.freeze([
    row("baseline covariate (as Table 6)", "BMA counted from the day of surgery", baseline, "—", null),
    ...scenarios.map((s) => {
      const fit = timeDependentBmaFit(d, s.treatmentTime);
      const mb = mantelByarTest(d.y, s.treatmentTime);
      return row("time-dependent covariate", s.label, fit.terms[0], formatP(mb.pValue), s.movedToHalfway);
    }),
  ]);
}

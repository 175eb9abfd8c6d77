import { formatP } from "../core/format";
import type { CoxTerm } from "../survival/cox-ph";
import { coxTable6Design, coxTable6Fit } from "../reproduction/cox-table6";
import type { Study } from "../reproduction/study";
import type { BmaStartScenario } from "./bma-start-scenarios";
import { mantelByarTest } from "./mantel-byar-test";
import { timeDependentCox } from "./time-dependent-cox";

/**
 * Postoperative BMA in the Table 6 model (one-year follow-up, visceral metastases as covariate, Breslow
 * ties): as the paper entered it (a baseline 0/1 covariate) and as a time-dependent covariate under each
 * start-time scenario, with the Mantel–Byar test; table rows for a notebook. Cost: one Cox fit and one
 * Mantel–Byar test per scenario.
 *
 * @example timeDependentBmaRows(study, bmaStartScenarios(study, [1]))[0].analysis // "baseline covariate (as Table 6)"
 */
export function timeDependentBmaRows(study: Study, scenarios: readonly BmaStartScenario[]): readonly Record<string, string | number | null>[] {
  const { y, x } = coxTable6Design(study);
  const time = Array.from(y.time);
  const event = Array.from(y.event);
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
      const fit = timeDependentCox(time, event, s.treatmentTime, { ties: "breslow", treatmentName: "postoperative BMA (time-dependent)", covariates: { names: ["visceral metastases"], columns: [x.columns[0]] } });
      const mb = mantelByarTest(time, event, s.treatmentTime);
      return row("time-dependent covariate", s.label, fit.terms[0], formatP(mb.pValue), s.movedToHalfway);
    }),
  ]);
}

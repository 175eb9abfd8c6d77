import type { Study } from "../study/study";
import type { BmaStartScenario } from "./bma-start-scenarios";
import { surv } from "../../lib/survival/surv";
import { simonMakuch, type SimonMakuchResult } from "../../lib/time-dependent/simon-makuch";
import { requireComparison } from "../study/require-comparison";

/**
 * Simon–Makuch curves of a study by current postoperative-BMA state (all follow-up, months from surgery)
 * under one start-time scenario, as curves for kaplanMeierFigure and the Mantel–Byar test. Curves by
 * current state have entries as well as exits, so their number-at-risk table is best left out of the
 * figure (showAtRisk: false). `minAtRisk` (default 1) starts each curve where its risk set first holds
 * that many patients (see simonMakuch); the curves carry that `startTime`. Cost: O(n log n).
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * simonMakuchBma(study, bmaStartScenarios(study, [1])[0]).curves.map((c) => c.label)
 * // ["no BMA (yet)", "on BMA"]
 */
export function simonMakuchBma(
  study: Study,
  scenario: BmaStartScenario,
  options: { minAtRisk?: number } = {},
): {
  curves: { label: string; steps: SimonMakuchResult["groups"][number]["fit"]["steps"]; startTime: number }[];
  minAtRisk: number;
  mantelByar: SimonMakuchResult["mantelByar"];
} {
  requireComparison(study, { factor: "postBma", label: "postoperative BMA" });
  const y = surv(
    study.patients.map((p) => p.survivalMonths),
    study.patients.map((p) => p.died),
    { tieTolerance: 0 },
  );
  const sm = simonMakuch(y, scenario.treatmentTime, { minAtRisk: options.minAtRisk });
  return {
    curves: sm.groups.map((g) => ({
      label: g.label === "treated" ? "on BMA" : "no BMA (yet)",
      steps: g.fit.steps,
      startTime: g.startTime,
    })),
    minAtRisk: sm.minAtRisk,
    mantelByar: sm.mantelByar,
  };
}

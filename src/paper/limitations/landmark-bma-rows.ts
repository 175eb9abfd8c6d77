import { formatP } from "../../lib/core/format";
import type { Study } from "../study/study";
import type { BmaStartScenario } from "./bma-start-scenarios";
import { landmarkAnalyses } from "../../lib/time-dependent/landmark-analyses";
import { table6BmaData } from "./internal-bma-model";

/**
 * Landmark analyses of postoperative BMA on the Table 6 time scale (survival from each landmark to 12
 * months, visceral metastases as covariate, Breslow ties) under one start-time scenario; table rows.
 * Cost: one landmark analysis per landmark.
 *
 * @example
 * const { study } = loadStudy({}); // the shipped synthetic cohort
 * landmarkBmaRows(study, bmaStartScenarios(study, [1])[0], [3])[0].landmark // 3
 */
export function landmarkBmaRows(
  study: Study,
  scenario: BmaStartScenario,
  landmarks: readonly number[],
): readonly Record<string, string | number | null>[] {
  const d = table6BmaData(study);
  const results = landmarkAnalyses(d.y, scenario.treatmentTime, landmarks, {
    ties: "breslow",
    horizon: 12,
    covariates: { names: ["visceral metastases"], columns: [d.visceral] },
  });
  return Object.freeze(
    results.map((r) => {
      // A fit that did not converge or ran off to infinity (no deaths on one side) has no usable estimate.
      const usable = r.cox?.converged && !r.cox.possiblyInfinite;
      const t = usable ? r.cox!.terms[0] : null;
      return {
        landmark: r.landmark,
        "alive at landmark": r.n,
        "on BMA by then": r.treated,
        "deaths after": r.events,
        "HR (BMA)": t?.hazardRatio ?? null,
        lower: t?.ciLower ?? null,
        upper: t?.ciUpper ?? null,
        "Wald p": formatP(t?.pValue),
        "log-rank p": formatP(r.logRank?.pValue),
        note: r.warnings.join("; "),
      };
    }),
  );
}

import { bmaStartLabel, bmaStartScenarios } from "./bma-start-scenarios";
import { table6BmaData, timeDependentBmaFit } from "./internal-bma-model";
import type { EnsembleQuantity } from "./robustness-across-cohorts";
import { mantelByarTest } from "../../lib/time-dependent/mantel-byar-test";

/**
 * Immortal-time-corrected results as quantities for {@link robustnessAcrossCohorts}: the time-dependent
 * hazard ratio of postoperative BMA in the Table 6 model (one-year follow-up, visceral metastases as
 * covariate, Breslow) and the Mantel–Byar p, with BMA assumed to start `startMonths` after surgery.
 * Cost: O(1) to build; one fit and one test per cohort.
 *
 * @example
 * immortalTimeQuantities(1)[0].label // "HR postoperative BMA, time-dependent (BMA from 1 month)"
 */
export function immortalTimeQuantities(startMonths: number): readonly EnsembleQuantity[] {
  const data = (s: Parameters<EnsembleQuantity["compute"]>[0]) => ({
    ...table6BmaData(s),
    start: bmaStartScenarios(s, [startMonths])[0],
  });
  const label = bmaStartLabel(startMonths);
  return [
    {
      label: `HR postoperative BMA, time-dependent (${label})`,
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => {
        const d = data(s);
        return timeDependentBmaFit(d, d.start.treatmentTime).terms[0].hazardRatio;
      },
    },
    {
      label: `Mantel–Byar p, postoperative BMA, one year (${label})`,
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => {
        const d = data(s);
        return mantelByarTest(d.y, d.start.treatmentTime).pValue;
      },
    },
  ];
}

import { coxZph } from "../../lib/survival/cox-zph";
import { coxFirth } from "../../lib/survival/cox-firth";
import { coxTable6, coxTable6Design, coxTable6Fit } from "../reproduction/cox-table6";
import { survivalSummary } from "../reproduction/survival-summary";
import { survivalByFactor } from "../reproduction/survival-by-factor";
import type { EnsembleQuantity } from "./robustness-across-cohorts";

/**
 * The results a reader of the paper would want to know are robust, as quantities for
 * {@link robustnessAcrossCohorts}: the published ones the reconstruction targets (median survival, one-year
 * survival, the Table 6 hazard ratios) and the unreported ones it does not (Table 6 on all follow-up,
 * log-rank tests over all follow-up — the test the methods name —, the proportional-hazards test and
 * Firth's penalized hazard ratio). Cost: O(1) to build; each quantity costs one fit per cohort.
 *
 * @example
 * mainResultQuantities().map((q) => q.label)[0] // "Median survival, months (SPSS)"
 */
export function mainResultQuantities(): readonly EnsembleQuantity[] {
  return [
    {
      label: "Median survival, months (SPSS)",
      published: "16.83",
      constrained: true,
      decimals: 2,
      compute: (s) => survivalSummary(s).median,
    },
    {
      label: "One-year survival, %",
      published: "58.18",
      constrained: true,
      decimals: 2,
      compute: (s) => 100 * survivalSummary(s).survivalAt12,
    },
    {
      label: "HR visceral metastases (Table 6, one-year, Breslow)",
      published: "3.538",
      constrained: true,
      decimals: 3,
      compute: (s) => coxTable6(s)[0].expb,
    },
    {
      label: "HR postoperative BMA (Table 6, one-year, Breslow)",
      published: "0.327",
      constrained: true,
      decimals: 3,
      compute: (s) => coxTable6(s)[1].expb,
    },
    {
      label: "HR visceral metastases, all follow-up",
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => coxTable6(s, { reading: "full" })[0].expb,
    },
    {
      label: "HR postoperative BMA, all follow-up",
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => coxTable6(s, { reading: "full" })[1].expb,
    },
    {
      label: "Log-rank p, visceral metastases (all follow-up)",
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => survivalByFactor(s, "visceral").logRank.pValue,
    },
    {
      label: "Log-rank p, postoperative BMA (all follow-up)",
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => survivalByFactor(s, "postBma").logRank.pValue,
    },
    {
      label: "cox.zph global p (Table 6 model)",
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => coxZph(coxTable6Fit(s), { transform: "km" }).global.pValue,
    },
    {
      label: "Firth HR postoperative BMA (one-year, Breslow)",
      published: null,
      constrained: false,
      decimals: 3,
      compute: (s) => {
        const { y, x } = coxTable6Design(s);
        return coxFirth(y, x, { ties: "breslow" }).terms[1].hazardRatio;
      },
    },
  ];
}

import type { DistributionSeries } from "../../lib/figures/distribution-figure";
import type { ImmortalTimeSimulationResult } from "../../lib/simulation/simulate-immortal-time";

/**
 * The simulated log hazard ratios of each analysis (non-estimable studies left out) as series for
 * distributionFigure. Cost: O(replicates · methods).
 *
 * @example
 * const sim = simulateImmortalTime({ n: 55, replicates: 20, seed: 1, baselineHazard: 0.05, treatedFraction: 0.5,
 *   treatmentDelay: { kind: "uniform", min: 0, max: 3 }, trueHazardRatio: 1, followUp: 12 });
 * immortalTimeDistributions(sim).map((s) => s.label)[1] // "time-dependent covariate"
 */
export function immortalTimeDistributions(sim: ImmortalTimeSimulationResult): readonly DistributionSeries[] {
  return Object.freeze(
    sim.summaries.map((s, m) => ({ label: s.method, values: sim.logHr[m].filter((v): v is number => v !== null) })),
  );
}

import {
  simulateSelection,
  type FollowUpRule,
  type SelectionSimulationOptions,
} from "../../lib/simulation/simulate-selection";

/** One inclusion scenario of {@link selectionScenarioRows}. */
export interface SelectionScenario {
  readonly label: string;
  readonly prognosis: SelectionSimulationOptions["prognosis"];
  readonly rule: FollowUpRule;
  /** Loss to follow-up per month in this scenario (default: the base's). */
  readonly lossRate?: number;
}

/**
 * Runs {@link simulateSelection} once per scenario (same seed, so the scenarios share their simulated
 * patients and differ only in who is included) and returns table rows: patients included, mean KM median and
 * one-year survival of the included, against the population's true values. Cost: scenarios × one simulation.
 *
 * @example
 * const followUp = { rule: "none", minimumMonths: 12, potentialMonths: [1000, 1000] } as const;
 * const base = { n: 500, replicates: 2, seed: 1, survival: { median: 12 }, followUp };
 * const none = { label: "none", prognosis: { minimumMonths: 0, errorSd: 0 }, rule: "none" } as const;
 * selectionScenarioRows(base, [none])[0]["true median"] // 12
 */
export function selectionScenarioRows(
  base: Omit<SelectionSimulationOptions, "prognosis">,
  scenarios: readonly SelectionScenario[],
): readonly Record<string, string | number | null>[] {
  return Object.freeze(
    scenarios.map((s) => {
      const r = simulateSelection({
        ...base,
        prognosis: s.prognosis,
        followUp: { ...base.followUp, rule: s.rule, lossRate: s.lossRate ?? base.followUp.lossRate },
      });
      return Object.freeze({
        scenario: s.label,
        "included of n": r.selected.meanN,
        "KM median": r.selected.meanMedian,
        "true median": r.truth.median,
        "1-year survival %": 100 * r.selected.meanSurvivalAtHorizon,
        "true 1-year %": 100 * r.truth.survivalAtHorizon,
        "median not reached (replicates)": r.selected.medianMissing,
      });
    }),
  );
}

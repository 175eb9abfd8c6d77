import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import type { HazardRatioSpread, ImmortalTimeFrame } from "../figures/immortal-time-slider-figure";
import { quantile } from "../hypothesis/quantile";
import { simulateImmortalTime, type ImmortalTimeSimulationOptions } from "../simulation/simulate-immortal-time";
import { coxPH } from "../survival/cox-ph";
import { kaplanMeier } from "../survival/kaplan-meier";
import { surv } from "../survival/surv";

/** The simulation settings shared by every delay (the delay window is set per frame). */
export type ImmortalTimeBase = Omit<ImmortalTimeSimulationOptions, "treatmentDelay" | "landmark" | "keepFirstStudy">;

/**
 * Runs {@link simulateImmortalTime} with treatment starting uniformly in [0, d] for each delay d (same seed), and
 * returns per delay the naive and time-dependent hazard ratios over the studies (median, 10th and 90th percentiles)
 * and the first study's Kaplan–Meier curves by *ever treated*, with its naive HR: what
 * {@link immortalTimeSliderFigure} draws. With a true HR of 1 the naive HR falls further below 1 the longer treatment
 * waits, while the time-dependent one stays near 1.
 * Reference: Suissa S (2008) Am J Epidemiol 167:492. R: a loop of simulation and coxph. SPSS: none.
 * Cost: one simulation per delay (replicates × 2 Cox fits).
 *
 * @example
 * immortalTimeByDelay({ n: 200, replicates: 50, seed: 1, baselineHazard: 0.1, treatedFraction: 0.5,
 *   trueHazardRatio: 1, followUp: 12 }, [0, 6]).frames[1].naive.median < 1 // true
 */
export function immortalTimeByDelay(
  base: ImmortalTimeBase,
  delays: readonly number[],
): { readonly settings: ImmortalTimeBase; readonly frames: readonly ImmortalTimeFrame[] } {
  if (!Array.isArray(delays) || delays.length < 2)
    throw new InputError("must list at least 2 delays", { field: "delays", value: delays });
  delays.forEach((d, i) => {
    if (!(typeof d === "number" && Number.isFinite(d) && d >= 0) || (i > 0 && d <= delays[i - 1]))
      throw new InputError("must be increasing finite times ≥ 0", { field: "delays", index: i, value: d });
  });
  const ties = base.ties ?? "breslow";
  const frames = delays.map((d): ImmortalTimeFrame => {
    const sim = simulateImmortalTime({
      ...base,
      treatmentDelay: { kind: "uniform", min: 0, max: d },
      keepFirstStudy: true,
    });
    const study = sim.firstStudy;
    if (study === null) throw new Error("simulateImmortalTime did not keep the first study");
    const group = (treated: number) => {
      const rows = study.everTreated.flatMap((e, i) => (e === treated ? [i] : []));
      const fit = kaplanMeier(
        surv(
          rows.map((i) => study.time[i]),
          rows.map((i) => study.event[i]),
        ),
      );
      return {
        label: `${treated === 1 ? "ever treated" : "never treated"} (n = ${rows.length})`,
        steps: fit.steps.map((s) => ({ time: s.time, nCensor: s.nCensor, survival: s.survival })),
      };
    };
    const naiveFit = coxPH(
      surv(study.time, study.event),
      { names: ["ever treated"], columns: [study.everTreated] },
      { ties },
    );
    return {
      delay: d,
      naive: spread(sim.logHr[0]),
      timeDependent: spread(sim.logHr[1]),
      example: { curves: [group(1), group(0)], naiveHazardRatio: naiveFit.terms[0].hazardRatio ?? Number.NaN },
    };
  });
  return deepFreeze({ settings: base, frames });
}

/** Median and 10th/90th percentiles (R type 7) of the finite log HRs, as hazard ratios. */
function spread(logHr: readonly (number | null)[]): HazardRatioSpread {
  const finite = logHr.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length < 2)
    throw new InputError("fewer than 2 studies gave an estimate", { field: "replicates", value: finite.length });
  const [low, median, high] = quantile(finite, [0.1, 0.5, 0.9], { type: 7 }).map(Math.exp);
  return { median, low, high };
}

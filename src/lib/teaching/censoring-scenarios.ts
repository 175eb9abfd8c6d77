import { checkOptions } from "../core/check-options";
import { InputError } from "../core/errors";
import { deepFreeze } from "../core/freeze";
import type { CensoringSliderInput } from "../figures/censoring-slider-figure";
import { kaplanMeier } from "../survival/kaplan-meier";
import { surv, type Surv } from "../survival/surv";
import { rightCensored } from "./internal/distinct-times";

/**
 * The Kaplan–Meier fit of the data as observed and, for each of `times`, of the same data with one patient censored
 * at that time instead: what {@link censoringSliderFigure} draws. Shows that censoring earlier changes the curve only
 * after the censoring time, through smaller risk sets. `patient` is a 0-based row index.
 * Reference: Kaplan EL, Meier P (1958). R: a loop of survfit over modified data. SPSS: none.
 * Cost: O(times × n log n).
 *
 * @example
 * censoringScenarios(surv([2, 4, 6], [1, 1, 1]), 1, [3]).scenarios[0].steps.map((s) => s.survival)
 * // [0.6667, 0.6667, 0] (to 4 decimals)
 */
export function censoringScenarios(
  y: Surv,
  patient: number,
  times: readonly number[],
  options: { readonly label?: string } = {},
): CensoringSliderInput {
  checkOptions(options);
  rightCensored(y);
  if (!(Number.isInteger(patient) && patient >= 0 && patient < y.n))
    throw new InputError(`must be a row index from 0 to ${y.n - 1}`, { field: "patient", value: patient });
  if (!Array.isArray(times) || times.length === 0)
    throw new InputError("must be a non-empty array of censoring times", { field: "times", value: times });
  times.forEach((t, i) => {
    if (!(typeof t === "number" && Number.isFinite(t) && t >= 0))
      throw new InputError("must be a finite time ≥ 0", { field: "times", index: i, value: t });
  });
  const label = options.label ?? `patient ${patient + 1}`;
  const time = Array.from(y.time);
  const event = Array.from(y.event);
  const rows = (fit: ReturnType<typeof kaplanMeier>) =>
    fit.steps.map((s) => ({
      time: s.time,
      nRisk: s.nRisk,
      nEvent: s.nEvent,
      nCensor: s.nCensor,
      survival: s.survival,
    }));
  return deepFreeze({
    patientLabel: label,
    observed: { time: time[patient], event: event[patient], steps: rows(kaplanMeier(y)) },
    scenarios: times.map((t) => {
      const moved = time.map((v, i) => (i === patient ? t : v));
      const status = event.map((v, i) => (i === patient ? 0 : v));
      return { censorTime: t, steps: rows(kaplanMeier(surv(moved, status, { tieTolerance: 0 }))) };
    }),
  });
}

import { aalenJohansen, type AalenJohansenCurve } from "../../lib/competing-risks/aalen-johansen";
import { deepFreeze } from "../../lib/core/freeze";
import { kaplanMeier, survivalAt } from "../../lib/survival/kaplan-meier";
import { kmQuantile } from "../../lib/survival/km-quantile";
import { surv } from "../../lib/survival/surv";
import { ONE_YEAR_MONTHS } from "../study/study";
import type { OtherCauseData } from "./other-cause-data";

/** The estimates of one scenario, for the notebook's tables. */
export interface OtherCauseEstimates {
  readonly label: string;
  readonly nOther: number;
  /** One-year probability of tumour death, %: the paper's 1 − KM (others excluded), with its CI. */
  readonly excluded1y: readonly [number, number | null, number | null];
  /** 1 − KM with the other-cause deaths kept as censored. */
  readonly censored1y: readonly [number, number | null, number | null];
  /** Aalen–Johansen cumulative incidence of tumour death, with its CI. */
  readonly cif1y: readonly [number, number | null, number | null];
  /** Aalen–Johansen cumulative incidence of death from other causes. */
  readonly cifOther1y: number;
  /** P(alive at one year), %: the event-free state (all-cause Kaplan–Meier). */
  readonly alive1y: number;
  /** Medians, months (null: not reached). */
  readonly medianExcluded: number | null;
  readonly medianCensored: number | null;
  readonly medianOverall: number | null;
  /** Time at which the cumulative incidence of tumour death reaches 50%. */
  readonly medianCif: number | null;
}

/**
 * For each scenario: the one-year probability of tumour-specific death and the median as the paper
 * estimates them (Kaplan–Meier on the included patients, other-cause deaths excluded), as a naive
 * re-analysis would (other-cause deaths kept but censored), and as a competing-risks analysis does
 * (Aalen–Johansen cumulative incidence of each cause; overall survival with every death an event).
 * Kaplan–Meier CIs are R's log type, Aalen–Johansen ones R survfit's (log, infinitesimal-jackknife SE).
 * Cost: O(scenarios · n log n).
 *
 * @example
 * const d: OtherCauseData = { // 5 study patients (status 1: tumour death), then 2 other-cause deaths (status 2)
 *   label: "2 other-cause deaths",
 *   months: [2, 5, 8, 14, 20, 3, 10],
 *   status: [1, 1, 0, 1, 0, 2, 2],
 *   nStudy: 5,
 *   nOther: 2,
 * };
 * const [e] = otherCauseEstimates([d]);
 * [e.excluded1y[0], e.censored1y[0], e.cif1y[0]] // [40.0, 31.43, 28.57]
 * // (% at 12 months: 1 − KM of the 5 = 1 − 4/5 · 3/4; 1 − KM of all 7 = 1 − 6/7 · 4/5; Aalen–Johansen
 * // 1/7 + 5/7 · 1/5 = 2/7, as R: summary(survfit(Surv(months, factor(status)) ~ 1), times = 12)$pstate[, 2])
 */
export function otherCauseEstimates(data: readonly OtherCauseData[]): readonly OtherCauseEstimates[] {
  return deepFreeze(
    data.map((d) => {
      const tumour = d.status.map((s) => (s === 1 ? 1 : 0));
      const studyRows = d.months.slice(0, d.nStudy);
      const excluded = kaplanMeier(surv(studyRows, tumour.slice(0, d.nStudy)));
      const censored = kaplanMeier(surv(d.months, tumour));
      const overall = kaplanMeier(
        surv(
          d.months,
          d.status.map((s) => (s > 0 ? 1 : 0)),
        ),
      );
      const aj = aalenJohansen(d.months, d.status, { causes: [1, 2] }).curves[0];
      const at = (fit: typeof excluded): [number, number | null, number | null] => {
        const s = survivalAt(fit, [ONE_YEAR_MONTHS])[0];
        return [
          100 * (1 - s.survival),
          s.upper === null ? null : 100 * (1 - s.upper),
          s.lower === null ? null : 100 * (1 - s.lower),
        ];
      };
      const j = lastAtOrBefore(aj, ONE_YEAR_MONTHS);
      const cif = (k: number): number => (j < 0 ? 0 : aj.pstate[j][k]);
      const firstReach = aj.time.findIndex((_, i) => aj.pstate[i][1] >= 0.5);
      return {
        label: d.label,
        nOther: d.nOther,
        excluded1y: at(excluded),
        censored1y: at(censored),
        cif1y: [
          100 * cif(1),
          j < 0 || aj.lower[j][1] === null ? null : 100 * (aj.lower[j][1] as number),
          j < 0 || aj.upper[j][1] === null ? null : 100 * (aj.upper[j][1] as number),
        ],
        cifOther1y: 100 * (d.nOther === 0 ? 0 : cif(2)),
        alive1y: 100 * (j < 0 ? 1 : aj.pstate[j][0]),
        medianExcluded: kmQuantile(excluded, 0.5).time,
        medianCensored: kmQuantile(censored, 0.5).time,
        medianOverall: kmQuantile(overall, 0.5).time,
        medianCif: firstReach < 0 ? null : aj.time[firstReach],
      };
    }),
  );
}

function lastAtOrBefore(c: AalenJohansenCurve, t: number): number {
  let j = -1;
  for (let i = 0; i < c.time.length && c.time[i] <= t; i++) j = i;
  return j;
}

import { aalenJohansen } from "../../lib/competing-risks/aalen-johansen";
import {
  type CumulativeIncidenceCurve,
  cumulativeIncidenceFigure,
} from "../../lib/competing-risks/cumulative-incidence-figure";
import type { PlotlyFigure } from "../../lib/figures/plotly-types";
import { kaplanMeier } from "../../lib/survival/kaplan-meier";
import { surv } from "../../lib/survival/surv";
import { ONE_YEAR_MONTHS } from "../study/study";
import type { OtherCauseData } from "./other-cause-data";

/**
 * The figure of one scenario: cumulative incidence of tumour death (Aalen–Johansen, with CI) and of
 * other-cause death, against the naive 1 − KM curves (dashed). Cost: O(n log n).
 *
 * @example
 * const d: OtherCauseData = { // 5 study patients (status 1: tumour death), then 2 other-cause deaths (status 2)
 *   label: "2 other-cause deaths",
 *   months: [2, 5, 8, 14, 20, 3, 10],
 *   status: [1, 1, 0, 1, 0, 2, 2],
 *   nStudy: 5,
 *   nOther: 2,
 * };
 * otherCauseFigure(d).data.length // 5 (the CIF's band and 4 curves)
 */
export function otherCauseFigure(d: OtherCauseData, note?: string): PlotlyFigure {
  const tumour = d.status.map((s) => (s === 1 ? 1 : 0));
  const aj = aalenJohansen(d.months, d.status, { causes: [1, 2] }).curves[0];
  const oneMinus = (fit: ReturnType<typeof kaplanMeier>, label: string): CumulativeIncidenceCurve => ({
    label,
    time: fit.steps.map((s) => s.time),
    value: fit.steps.map((s) => 1 - s.survival),
    dashed: true,
  });
  return cumulativeIncidenceFigure(
    [
      {
        label: "tumour death, Aalen–Johansen CIF",
        time: aj.time,
        value: aj.pstate.map((r) => r[1]),
        lower: aj.lower.map((r) => r[1]),
        upper: aj.upper.map((r) => r[1]),
      },
      { label: "other-cause death, Aalen–Johansen CIF", time: aj.time, value: aj.pstate.map((r) => r[2]) },
      oneMinus(kaplanMeier(surv(d.months, tumour)), "1 − KM, other deaths censored"),
      oneMinus(
        kaplanMeier(surv(d.months.slice(0, d.nStudy), tumour.slice(0, d.nStudy))),
        "1 − KM, other deaths excluded (paper)",
      ),
    ],
    {
      title: `Tumour-specific death with competing deaths — ${d.label}`,
      yTitle: "Probability of death",
      referenceTime: ONE_YEAR_MONTHS,
      note,
    },
  );
}

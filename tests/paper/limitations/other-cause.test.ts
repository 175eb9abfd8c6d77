import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { kaplanMeier, survivalAt } from "../../../src/lib/survival/kaplan-meier";
import { surv } from "../../../src/lib/survival/surv";
import { otherCauseData, otherCauseEstimates, otherCauseFigure, otherCauseRows } from "../../../src/paper/limitations";
import { shippedStudy } from "../reproduction/shipped-study";
import { figureNote } from "../../../src/paper/study/figure-note";
import { expectClose } from "../../helpers/expect-close";

const { study } = shippedStudy();

describe("other-cause death scenarios (notebook 06 §8)", () => {
  it("places k deaths evenly over the window and keeps the study's patients first", () => {
    const [d] = otherCauseData(study, [{ label: "3 early", count: 3, fromMonths: 0, toMonths: 6 }]);
    expect(d.months.slice(-3)).toEqual([1, 3, 5]);
    expect(d.status.slice(-3)).toEqual([2, 2, 2]);
    expect(d.nStudy).toBe(study.patients.length);
    expect(d.status.filter((s) => s === 1).length).toBe(study.patients.filter((p) => p.died === 1).length);
  });

  it("without other-cause deaths the three estimates agree; the paper's is the KM on the study (hand)", () => {
    const [none, some] = otherCauseEstimates(
      otherCauseData(study, [
        { label: "none", count: 0, fromMonths: 0, toMonths: 1 },
        { label: "6 early", count: 6, fromMonths: 0, toMonths: 6 },
      ]),
    );
    const km = kaplanMeier(
      surv(
        study.patients.map((p) => p.survivalMonths),
        study.patients.map((p) => p.died),
      ),
    );
    const s12 = survivalAt(km, [12])[0].survival;
    expectClose(none.excluded1y[0], 100 * (1 - s12), { rel: 1e-12 });
    expectClose(none.cif1y[0], none.excluded1y[0], { rel: 1e-12 });
    expectClose(none.censored1y[0], none.excluded1y[0], { rel: 1e-12 });
    expect(none.cifOther1y).toBe(0);
    // Six other-cause deaths in the first half-year: the paper's number does not move, the CIF falls,
    // 1 − KM with them censored stays at or above the CIF, and the states add to 100%.
    expect(some.excluded1y[0]).toBe(none.excluded1y[0]);
    expect(some.cif1y[0]).toBeLessThan(none.cif1y[0]);
    expect(some.censored1y[0]).toBeGreaterThanOrEqual(some.cif1y[0] - 1e-9);
    expectClose(some.cif1y[0] + some.cifOther1y + some.alive1y, 100, { rel: 1e-12 });
    // No one is censored before month 6, so every death up to then adds S(t−)/n(t) = 1/(n + 6): F₂ = 6/(n + 6).
    expect(study.patients.filter((p) => p.died === 0 && p.survivalMonths <= 6)).toHaveLength(0);
    expectClose(some.cifOther1y, (100 * 6) / (study.patients.length + 6), { rel: 1e-12 });
  });

  it("rows and figure", () => {
    const data = otherCauseData(study, [
      { label: "none", count: 0, fromMonths: 0, toMonths: 1 },
      { label: "3 spread", count: 3, fromMonths: 0, toMonths: 24 },
    ]);
    const rows = otherCauseRows(otherCauseEstimates(data));
    expect(rows.oneYear.map((r) => r["other-cause deaths"])).toEqual([0, 3]);
    expect(String(rows.oneYear[0]["CIF tumour death % (95% CI)"])).toMatch(/^\d+\.\d \(\d+\.\d, \d+\.\d\)$/);
    const fig = otherCauseFigure(data[1], figureNote(study));
    expect(fig.data.length).toBe(5);
    expect(() => otherCauseData(study, [{ label: "bad", count: -1, fromMonths: 0, toMonths: 1 }])).toThrow(InputError);
    expect(() => otherCauseData(study, [{ label: "bad", count: 1, fromMonths: 5, toMonths: 1 }])).toThrow(/toMonths/);
  });
});

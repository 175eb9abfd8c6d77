import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv, survCounting } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { curves, dataset, rArray } from "./curves-fixtures";

// biome-ignore lint/suspicious/noExplicitAny: R's output object
function check(fit: ReturnType<typeof coxPH>, r: any, label: string) {
  const o = (what: string) => ({ rel: 1e-6, label: `${label} ${what}` });
  fit.terms.forEach((t, j) => {
    expectClose(t.coef, rArray(r.coef)[j], o(`coef ${t.name}`));
    expectClose(t.se, rArray(r.se)[j], o(`se ${t.name}`));
    if (r.naiveSe !== null) expectClose(t.naiveSe, rArray(r.naiveSe)[j], o(`naive se ${t.name}`));
    expectClose(fit.means[j], rArray(r.means)[j], o(`means ${t.name}`));
  });
  expect(fit.robust).toBe(r.robust);
  expectClose(fit.waldTest.statistic, r.wald, o("Wald"));
  expectClose(fit.scoreTest.statistic, r.score, o("score"));
  expectClose(fit.loglik, r.loglik[1], o("loglik"));
  if (r.rscore === null) expect(fit.robustScoreTest).toBeNull();
  else expectClose(fit.robustScoreTest?.statistic, rArray(r.rscore).flat()[0] as number, o("robust score"));
}

describe("coxPH with case weights uses R 3.5-3's default variance", () => {
  const w = curves.weighted;
  it("the issue's toy data: non-integer weights ⇒ robust (se 1.2535, Wald 1.6127, robust score 2.4235)", () => {
    const d = w.toy.data;
    const y = surv(d.time, d.status);
    const x = { names: ["x"], columns: [d.x] };
    const fit = coxPH(y, x, { weights: d.w });
    check(fit, w.toy.default, "toy default");
    expect(fit.terms[0].se).toBeCloseTo(1.2535, 4);
    expect(fit.waldTest.statistic).toBeCloseTo(1.6127, 4);
    expect(fit.robustScoreTest?.statistic).toBeCloseTo(2.4235, 4);
    const naive = coxPH(y, x, { weights: d.w, robust: false });
    check(naive, w.toy.naive, "toy robust = false");
    expect(naive.terms[0].se).toBeCloseTo(1.122, 3);
  });

  it("ovarian: fractional weights default to robust, whole-number weights do not", () => {
    const o = dataset("ovarian");
    const y = surv(o.time, o.event);
    const x = { names: ["age", "resid.ds"], columns: [o.age, o["resid.ds"]] };
    check(coxPH(y, x, { weights: o.w }), w.ovarian.default, "ovarian fractional");
    check(coxPH(y, x, { weights: o.wi }), w.ovarian.intWeights, "ovarian whole");
  });

  it("heart (start, stop]: robust by default, and `means` are the unweighted column means as agreg.fit", () => {
    const h = dataset("heart");
    const y = survCounting(h.start, h.time, h.event);
    const x = { names: ["age", "year", "surgery", "transplant"], columns: [h.age, h.year, h.surgery, h.transplant] };
    check(coxPH(y, x, { weights: h.w }), w.heart.default, "heart default");
    check(coxPH(y, x, { weights: h.w, robust: false }), w.heart.naive, "heart robust = false");
  });

  it("by hand: unweighted means for start–stop data, weighted for right-censored data", () => {
    // x = 1, 2, 3, 5 (not 0/±1, so centred); weights 1, 1, 1, 3: weighted mean (1 + 2 + 3 + 15)/6 = 3.5, unweighted 11/4.
    const x = { names: ["x"], columns: [[1, 2, 3, 5]] };
    const weights = [1, 1, 1, 3];
    const right = coxPH(surv([1, 2, 3, 4], [1, 1, 0, 1]), x, { weights });
    expect(right.means[0]).toBeCloseTo(3.5, 12);
    const counting = coxPH(survCounting([0, 0, 0, 0], [1, 2, 3, 4], [1, 1, 0, 1]), x, { weights });
    expect(counting.means[0]).toBeCloseTo(11 / 4, 12);
    expect(counting.terms[0].coef).toBeCloseTo(right.terms[0].coef!, 10);
  });

  it("a cluster with robust: false is ignored with R's warning", () => {
    const fit = coxPH(
      surv([1, 2, 3, 4, 5, 6], [1, 0, 1, 1, 0, 1]),
      { names: ["x"], columns: [[0, 1, 1, 0, 1, 0]] },
      {
        cluster: [1, 1, 2, 2, 3, 3],
        robust: false,
      },
    );
    expect(fit.robust).toBe(false);
    expect(fit.robustScoreTest).toBeNull();
    expect(fit.warnings.join(" ")).toMatch(/cluster ignored/);
  });
});

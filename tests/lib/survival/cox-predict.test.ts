import { describe, expect, it } from "vitest";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { predictCox, type CoxPredictType } from "../../../src/lib/survival/cox-predict";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { curves, fitSpec, rArray } from "./curves-fixtures";

describe("predictCox matches R predict.coxph (lp, risk, expected, survival, with se.fit)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: R's predict output from the fixture
  for (const c of curves.predicts as any[]) {
    const label = `${c.spec} ${c.type}${c.reference ? ` reference ${c.reference}` : ""}${c.newdata ? " newdata" : ""}`;
    it(label, () => {
      const { fit, spec } = fitSpec(c.spec);
      const nd = c.newdata as Record<string, number[]> | null;
      const pr = predictCox(fit, {
        type: c.type as CoxPredictType,
        reference: c.reference ?? undefined,
        seFit: true,
        newdata: nd ?? undefined,
        strata: nd && spec.strata ? nd[spec.strata] : undefined,
        time: nd && (c.type === "expected" || c.type === "survival") ? nd.time : undefined,
      });
      const rf = rArray(c.fit);
      const rse = rArray(c.se);
      expect(pr.fit.length).toBe(rf.length);
      pr.fit.forEach((v, i) => {
        expectClose(v, rf[i], { rel: 1e-6, abs: 1e-12, label: `${label} fit[${i}]` });
      });
      pr.seFit!.forEach((v, i) => {
        expectClose(v, rse[i], { rel: 1e-6, abs: 1e-12, label: `${label} se[${i}]` });
      });
    });
  }
});

describe("predictCox by hand", () => {
  // x = 2, 0, 1, 3 (mean 1.5): lp = (x − 1.5)β; risk = exp(lp); reference zero: xβ.
  const y = surv([1, 2, 3, 4], [1, 1, 0, 1]);
  const fit = coxPH(y, { names: ["x"], columns: [[2, 0, 1, 3]] });
  const b = fit.terms[0].coef!;
  const v = fit.variance[0][0]!;
  it("lp is centred at the mean by default (R), at 0 with reference zero; se = |x − c| √V", () => {
    const lp = predictCox(fit, { seFit: true });
    [2, 0, 1, 3].forEach((x, i) => {
      expect(lp.fit[i]).toBeCloseTo((x - 1.5) * b, 12);
      expect(lp.seFit![i]).toBeCloseTo(Math.abs(x - 1.5) * Math.sqrt(v), 12);
    });
    const zero = predictCox(fit, { reference: "zero", newdata: { x: [0, 1] } });
    expect(zero.fit).toEqual([0, b]);
  });
  it("risk = exp(lp) with R's se = se(lp)·√risk", () => {
    const r = predictCox(fit, { type: "risk", seFit: true, newdata: { x: [3] } });
    expect(r.fit[0]).toBeCloseTo(Math.exp(1.5 * b), 12);
    expect(r.seFit![0]).toBeCloseTo(1.5 * Math.sqrt(v) * Math.sqrt(Math.exp(1.5 * b)), 12);
  });
  it("expected for the fitted rows is status − martingale; survival = exp(−expected)", () => {
    const e = predictCox(fit, { type: "expected" });
    const s = predictCox(fit, { type: "survival" });
    e.fit.forEach((v, i) => {
      expect(s.fit[i]).toBeCloseTo(Math.exp(-v), 14);
    });
    // With Efron ties absent, expected of the first death (t = 1, everyone at risk) is r₁ / Σ r.
    const r = [2, 0, 1, 3].map((x) => Math.exp((x - 1.5) * b));
    expect(e.fit[0]).toBeCloseTo(r[0] / (r[0] + r[1] + r[2] + r[3]), 12);
    // Before the first event time nothing is expected.
    expect(predictCox(fit, { type: "expected", newdata: { x: [1] }, time: [0.5] }).fit).toEqual([0]);
  });
});

describe("predictCox input errors", () => {
  const fit = coxPH(surv([1, 2, 3, 4], [1, 1, 0, 1]), { names: ["x"], columns: [[2, 0, 1, 3]] });
  it("names the field", () => {
    expect(() => predictCox(fit, { type: "terms" as "lp" })).toThrow(/options\.type = "terms"/);
    expect(() => predictCox(fit, { reference: "mean" as "zero" })).toThrow(/options\.reference/);
    expect(() => predictCox(fit, { type: "expected", newdata: { x: [1] } })).toThrow(/options\.time/);
    expect(() => predictCox(fit, { type: "expected", newdata: { x: [1] }, time: [-1] })).toThrow(
      /options\.time\[0\] = -1/,
    );
    expect(() => predictCox(fit, { time: [1] })).toThrow(/options\.time/);
    expect(() => predictCox(fit, { newdata: { y: [1] } })).toThrow(/"x"/);
  });
});

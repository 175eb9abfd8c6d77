import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { survreg } from "../../../src/lib/parametric/survreg";
import { survregPredict } from "../../../src/lib/parametric/survreg-predict";
import { surv, survCounting } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

describe("survreg: cases with closed-form answers", () => {
  it("exponential without covariates: rate d/Σt, se(intercept) 1/√d, ℓ = d log λ − λ Σt", () => {
    const t = [2, 3, 3, 5, 6, 8, 9, 12, 15, 20];
    const s = [1, 1, 0, 1, 1, 0, 1, 1, 0, 1];
    const fit = survreg(surv(t, s), { names: [], columns: [] }, { dist: "exponential" });
    const d = 7;
    const total = 83;
    expectClose(fit.terms[0].coef, Math.log(total / d), { rel: 1e-9 });
    expectClose(fit.terms[0].se, 1 / Math.sqrt(d), { rel: 1e-9 });
    expectClose(fit.loglik[1], d * Math.log(d / total) - d, { rel: 1e-9 });
    expect(fit.scale).toEqual([1]);
    expect(fit.scaleFixed).toBe(true);
    // Median of an exponential: log 2 / λ.
    const med = survregPredict(fit, { names: [], columns: [] }, { type: "quantile", p: [0.5] });
    expectClose(med.fit[0][0], (Math.log(2) * total) / d, { rel: 1e-9 });
  });

  it("log-normal without censoring is least squares on log time (σ̂ = √(RSS/n), the MLE)", () => {
    const t = [2, 3, 4, 5, 6, 8, 9, 12, 15, 20];
    const x = [0, 1, 0, 1, 1, 0, 0, 1, 0, 1];
    const fit = survreg(surv(t, new Array(10).fill(1)), { names: ["x"], columns: [x] }, { dist: "lognormal" });
    const ly = t.map(Math.log);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const y0 = ly.filter((_, i) => x[i] === 0);
    const y1 = ly.filter((_, i) => x[i] === 1);
    expectClose(fit.terms[0].coef, mean(y0), { rel: 1e-8 });
    expectClose(fit.terms[1].coef, mean(y1) - mean(y0), { rel: 1e-7 });
    const rss = [...y0.map((v) => (v - mean(y0)) ** 2), ...y1.map((v) => (v - mean(y1)) ** 2)].reduce((a, b) => a + b);
    expectClose(fit.scale[0], Math.sqrt(rss / 10), { rel: 1e-7 });
  });

  it("AFT invariance: multiplying every time by c adds log c to the intercept and changes nothing else", () => {
    const data = fc.array(
      fc.record({
        t: fc.integer({ min: 1, max: 50 }),
        s: fc.integer({ min: 0, max: 1 }),
        x: fc.integer({ min: 0, max: 3 }),
      }),
      { minLength: 12, maxLength: 40 },
    );
    fc.assert(
      fc.property(
        data,
        fc.constantFrom(0.5, 2, 30.4375),
        fc.constantFrom("weibull", "lognormal", "loglogistic") as fc.Arbitrary<"weibull" | "lognormal" | "loglogistic">,
        (rows, c, dist) => {
          if (rows.filter((r) => r.s === 1).length < 4) return;
          const xs = rows.map((r) => r.x);
          if (new Set(xs).size < 2) return;
          const cov = { names: ["x"], columns: [xs] };
          const a = survreg(
            surv(
              rows.map((r) => r.t),
              rows.map((r) => r.s),
            ),
            cov,
            { dist },
          );
          const b = survreg(
            surv(
              rows.map((r) => r.t * c),
              rows.map((r) => r.s),
            ),
            cov,
            { dist },
          );
          if (!a.converged || !b.converged) return;
          expectClose(b.terms[0].coef, a.terms[0].coef + Math.log(c), { rel: 1e-5, abs: 1e-6 });
          expectClose(b.terms[1].coef, a.terms[1].coef, { rel: 1e-5, abs: 1e-6 });
          expectClose(b.scale[0], a.scale[0], { rel: 1e-5 });
        },
      ),
      { numRuns: 40, seed: 4 },
    );
  });
});

describe("survreg: bad input is an InputError naming field, index and value", () => {
  const y = surv([2, 3, 5, 8], [1, 0, 1, 1]);
  const cov = { names: ["x"], columns: [[0, 1, 0, 1]] };
  const cases: [string, () => unknown, RegExp][] = [
    ["not a Surv", () => survreg({} as never, cov), /y/],
    ["counting process", () => survreg(survCounting([0, 0, 1, 1], [2, 3, 5, 8], [1, 0, 1, 1]), cov), /right-censored/],
    ["time 0 with a log family", () => survreg(surv([0, 3, 5, 8], [1, 0, 1, 1]), cov), /y.time\[0\] = 0/],
    ["unknown dist", () => survreg(y, cov, { dist: "gamma" as never }), /dist = "gamma"/],
    ["NaN covariate", () => survreg(y, { names: ["x"], columns: [[0, Number.NaN, 0, 1]] }), /x\[1\] = NaN/],
    ["(Intercept) as a name", () => survreg(y, { names: ["(Intercept)"], columns: [[0, 1, 0, 1]] }), /names\[0\]/],
    ["weight ≤ 0", () => survreg(y, cov, { weights: [1, -1, 1, 1] }), /weights\[1\] = -1/],
    ["scale ≤ 0", () => survreg(y, cov, { scale: 0 }), /scale = 0/],
    ["fixed scale with strata", () => survreg(y, cov, { scale: 1, strata: ["a", "b", "a", "b"] }), /strata/],
    ["init of the wrong length", () => survreg(y, cov, { init: [1] }), /init/],
    ["predict: missing column", () => survregPredict(survreg(y, cov), { names: ["z"], columns: [[1]] }), /"x"/],
    [
      "predict: p outside (0, 1)",
      () => survregPredict(survreg(y, cov), { names: ["x"], columns: [[1]] }, { type: "quantile", p: [1] }),
      /p\[0\] = 1/,
    ],
    [
      "predict: bad type",
      () => survregPredict(survreg(y, cov), { names: ["x"], columns: [[1]] }, { type: "mean" as never }),
      /type = "mean"/,
    ],
  ];
  it.each(cases)("%s", (_label, fn, message) => {
    expect(fn).toThrow(InputError);
    expect(fn).toThrow(message);
  });
  it("a user scale with a fixed-scale family is ignored with R's warning", () => {
    const fit = survreg(y, cov, { dist: "exponential", scale: 2 });
    expect(fit.scale).toEqual([1]);
    expect(fit.warnings[0]).toMatch(/fixed scale/);
  });
});

describe("doc-comment examples of survreg and survregPredict", () => {
  const y = surv([2, 3, 3, 5, 6, 8, 9, 12, 15, 20], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
  const fit = survreg(y, { names: ["x"], columns: [[0, 1, 0, 1, 1, 0, 0, 1, 0, 1]] });
  it("survreg", () => {
    expect(fit.terms.map((t) => t.coef.toFixed(4))).toEqual(["2.7127", "-0.3990"]);
    expect(fit.scale[0].toFixed(4)).toBe("0.6798");
  });
  it("survregPredict", () =>
    expect(
      survregPredict(fit, { names: ["x"], columns: [[0]] }, { type: "quantile", p: [0.5] }).fit[0][0].toFixed(3),
    ).toBe("11.746"));
});

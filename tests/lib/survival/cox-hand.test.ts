import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InputError } from "../../../src/lib/core/errors";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { coxToHtml } from "../../../src/lib/survival/cox-to-html";
import { coxZph } from "../../../src/lib/survival/cox-zph";
import { coxZphToHtml } from "../../../src/lib/survival/cox-zph-to-html";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { fitCase, fixtures, type FixtureCase } from "./cox-fixtures";

// Six subjects: a death at 1; two deaths (x = 0 and x = 1) tied at 2 with a censoring (x = 1) also at 2;
// a death at 3; a censoring at 4.
const time = [1, 2, 2, 2, 3, 4];
const event = [1, 1, 1, 0, 1, 0];
const x = [1, 0, 1, 1, 0, 1];
const y = surv(time, event);
const X = { names: ["x"], columns: [x] };

/** Partial log-likelihood written out by hand from the risk sets above. */
function handLoglik(b: number, ties: "breslow" | "efron"): number {
  const e = Math.exp(b);
  const t1 = b - Math.log(4 * e + 2); // risk set: four x = 1, two x = 0
  // Time 2: risk set three x = 1, two x = 0; the dying pair has risk 1 + e^b.
  const t2 =
    ties === "breslow" ? b - 2 * Math.log(3 * e + 2) : b - Math.log(3 * e + 2) - Math.log(3 * e + 2 - (1 + e) / 2);
  const t3 = -Math.log(1 + e); // risk set {x = 0 (dies), x = 1}
  return t1 + t2 + t3;
}

describe("partial likelihood, score and information on a hand-computable data set with ties", () => {
  for (const ties of ["breslow", "efron"] as const) {
    for (const b of [0, 0.7, -1.3]) {
      it(`${ties} log-likelihood at beta = ${b} equals the hand formula`, () => {
        const fit = coxPH(y, X, { ties, init: [b], control: { iterMax: 0 } });
        expectClose(fit.loglikNull, handLoglik(b, ties), { rel: 1e-12, label: `${ties} loglik(${b})` });
      });
    }
  }
  it("Breslow score test at 0: U = 2 − 4/6 − 2·3/5 − 1/2, I = 8/36 + 2·6/25 + 1/4", () => {
    const U = 2 - 4 / 6 - (2 * 3) / 5 - 1 / 2;
    const I = 8 / 36 + (2 * 6) / 25 + 1 / 4;
    const fit = coxPH(y, X, { ties: "breslow", control: { iterMax: 0 } });
    expectClose(fit.scoreTest.statistic, (U * U) / I, { rel: 1e-12, label: "Breslow score" });
  });
  it("Efron score test at 0: second tied death uses (3 − 1/2)/(5 − 1) as risk-set mean", () => {
    const U = 2 - 4 / 6 - (3 / 5 + 2.5 / 4) - 1 / 2;
    const I = 8 / 36 + (0.24 + (2.5 / 4 - (2.5 / 4) ** 2)) + 1 / 4;
    const fit = coxPH(y, X, { ties: "efron", control: { iterMax: 0 } });
    expectClose(fit.scoreTest.statistic, (U * U) / I, { rel: 1e-12, label: "Efron score" });
  });
  it("the maximum is where the hand log-likelihood is flat (central difference of the formula)", () => {
    const fit = coxPH(y, X, { ties: "efron" });
    const b = fit.terms[0].coef!;
    const h = 1e-5;
    const slope = (handLoglik(b + h, "efron") - handLoglik(b - h, "efron")) / (2 * h);
    expect(Math.abs(slope), `slope at ${b}`).toBeLessThan(1e-7);
    expectClose(fit.loglik, handLoglik(b, "efron"), { rel: 1e-12, label: "loglik at estimate" });
  });
});

describe("edge cases", () => {
  it("no events: InputError naming y.event", () => {
    expect(() => coxPH(surv([1, 2, 3], [0, 0, 0]), { names: ["x"], columns: [[1, 2, 3]] })).toThrow(
      /y\.event = 0: no events/,
    );
  });
  it("one subject: InputError", () => {
    expect(() => coxPH(surv([1], [1]), { names: ["x"], columns: [[1]] })).toThrow(InputError);
  });
  it("zero-variance covariate: null coefficient and a warning; the rest equals R (which reports NA)", () => {
    const z = fixtures.zeroVariance;
    const fit = coxPH(surv(z.data.time, z.data.event), { names: z.data.covariates, columns: z.data.columns });
    expect(fit.terms[1].coef).toBeNull();
    expect(z.coef[1]).toBeNull();
    expectClose(fit.terms[0].coef, z.coef[0], { label: "age coef" });
    expectClose(fit.terms[0].se, z.se[0], { label: "age se" });
    expectClose(fit.loglik, z.loglik[1], { label: "loglik" });
    expect(fit.likelihoodRatioTest.df).toBe(1);
    expect(fit.warnings.join(" ")).toMatch(/covariate k is constant/);
  });
  it("separating covariate: monotone-likelihood warning like R's, not a silent huge number", () => {
    const m = fixtures.monotone;
    const fit = coxPH(surv(m.data.time, m.data.event), { names: m.data.covariates, columns: m.data.columns });
    expect(m.warning).toMatch(/Loglik converged before variable {2}1 ; coefficient may be infinite/);
    expect(fit.warnings.join(" ")).toMatch(/Loglik converged before variable 1 \(x\); coefficient may be infinite/);
    expect(fit.possiblyInfinite).toBe(true);
    // The same data without the separating covariate: R 4.2.2 coxph(Surv(time, status) ~ z) warns of nothing (coef 0.0535).
    expect(
      coxPH(surv(m.data.time, m.data.event), { names: ["z"], columns: [m.data.columns[1]] }).possiblyInfinite,
    ).toBe(false);
    expect(fit.iterations).toBe(m.iter);
    expectClose(fit.terms[0].coef, m.coef[0], { rel: 1e-6, label: "runaway coef (R's last iterate)" });
    expectClose(fit.terms[1].coef, m.coef[1], { rel: 1e-6, label: "z coef" });
    expectClose(fit.loglik, m.loglik[1], { rel: 1e-9, label: "loglik" });
  });
  it("bad covariates: NaN, wrong length, missing names are InputErrors naming column, index and value", () => {
    expect(() => coxPH(y, { names: ["x"], columns: [[1, 0, NaN, 1, 0, 1]] })).toThrow(/x\[2\] = NaN/);
    expect(() => coxPH(y, { names: ["x"], columns: [[1, 0, 1]] })).toThrow(/x = array\(length 3\): length 3 differs/);
    expect(() => coxPH(y, { names: ["x", "z"], columns: [x] })).toThrow(InputError);
    expect(() => coxPH(y, X, { weights: [1, 1, -1, 1, 1, 1] })).toThrow(/weights\[2\] = -1/);
    expect(() => coxPH(y, X, { strata: [1, 1, 2] })).toThrow(/strata/);
    expect(() => coxPH(y, X, { ties: "exact" as never })).toThrow(/ties/);
    expect(() => surv([1, -2], [1, 0])).toThrow(/time\[1\] = -2/);
  });
});

describe("invariances (fast-check, seeded)", () => {
  const lung = (fixtures.cases as FixtureCase[]).find((c) => c.name === "lung-efron")!;
  const base = fitCase(lung);
  it("adding a constant to a covariate leaves the coefficients unchanged; scaling by c divides them by c", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        (j, shift, scale) => {
          const shifted = lung.data.columns.map((col, k) => (k === j ? col.map((v) => v + shift) : col));
          const scaled = lung.data.columns.map((col, k) => (k === j ? col.map((v) => v * scale) : col));
          const y0 = surv(lung.data.time, lung.data.event);
          const f1 = coxPH(y0, { names: lung.data.covariates, columns: shifted });
          const f2 = coxPH(y0, { names: lung.data.covariates, columns: scaled });
          base.terms.forEach((t, k) => {
            expectClose(f1.terms[k].coef, t.coef, { rel: 1e-8, label: `shift ${shift} of column ${j}, coef ${k}` });
            expectClose(f2.terms[k].coef, k === j ? t.coef! / scale : t.coef, {
              rel: 1e-8,
              label: `scale ${scale} of column ${j}, coef ${k}`,
            });
          });
        },
      ),
      { seed: 20261128, numRuns: 25 },
    );
  });
  it("permuting the rows leaves every result unchanged", () => {
    const n = lung.data.time.length;
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }), (keys) => {
        const perm = Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || a - b);
        const f = coxPH(
          surv(
            perm.map((i) => lung.data.time[i]),
            perm.map((i) => lung.data.event[i]),
          ),
          { names: lung.data.covariates, columns: lung.data.columns.map((col) => perm.map((i) => col[i])) },
        );
        base.terms.forEach((t, k) => {
          expectClose(f.terms[k].coef, t.coef, { rel: 1e-10, label: `coef ${k} after permutation` });
        });
        expectClose(f.concordance.std, base.concordance.std, { rel: 1e-10, label: "concordance se" });
        expectClose(f.loglik, base.loglik, { rel: 1e-12, label: "loglik" });
      }),
      { seed: 42, numRuns: 15 },
    );
  });
  it("results are JSON-serializable, frozen and byte-identical on refit", () => {
    const again = fitCase(lung);
    expect(JSON.stringify(again)).toBe(JSON.stringify(base));
    expect(Object.isFrozen(base.terms[0])).toBe(true);
  });
});

describe("HTML renderers", () => {
  it("coxToHtml shows R's and SPSS's coefficient tables with the fitted numbers", () => {
    const fit = fitCase((fixtures.cases as FixtureCase[]).find((c) => c.name === "lung-breslow")!);
    const html = coxToHtml(fit);
    for (const h of [
      "exp(coef)",
      "se(coef)",
      "Pr(&gt;|z|)",
      "Variables in the Equation",
      "<th>Wald</th>",
      "<th>Sig.</th>",
      "<th>Exp(B)</th>",
      "95.0% CI Lower",
    ]) {
      expect(html).toContain(h);
    }
    expect(html).toContain(fit.terms[0].coef!.toFixed(3).replace(/^-/, "-"));
    expect(html).toContain("Likelihood ratio test");
  });
  it("coxZphToHtml lists each covariate and GLOBAL", () => {
    const fit = fitCase((fixtures.cases as FixtureCase[]).find((c) => c.name === "lung-efron")!);
    const html = coxZphToHtml(coxZph(fit));
    expect(html).toContain("<td>GLOBAL</td>");
    expect(html).toContain("<td>ph.ecog</td>");
  });
});

describe("coxPH convergence rule and iteration limit (R coxph.control: eps 1e-9, iter.max 20)", () => {
  // R 4.2.2, survival 3.5-3:
  //   coxph(Surv(c(5,8,8,12,15,20), c(1,1,0,1,0,1)) ~ c(1,0,1,1,0,0), control = coxph.control(iter.max = m))
  // m = 1: coef 1.0764430577, no warning (R warns only when iter.max > 1); m = 2: coef 1.0730659635 and
  // "Ran out of iterations and did not converge"; m = 3 (and the default): coef 1.0730678000, converged.
  // (R's fit$iter reads iter.max + 1 when it runs out; ours reports the iterations done, iter.max.)
  const y6 = surv([5, 8, 8, 12, 15, 20], [1, 1, 0, 1, 0, 1]);
  const x6 = { names: ["x"], columns: [[1, 0, 1, 1, 0, 0]] };
  it.each([
    { iterMax: 1, coef: 1.0764430577, converged: false, warned: false },
    { iterMax: 2, coef: 1.0730659635, converged: false, warned: true },
    { iterMax: 3, coef: 1.0730678, converged: true, warned: false },
  ])(
    "iterMax $iterMax: coefficient as R's, converged $converged, warning $warned",
    ({ iterMax, coef, converged, warned }) => {
      const fit = coxPH(y6, x6, { control: { iterMax } });
      expectClose(fit.terms[0].coef!, coef, { rel: 1e-9, label: `coef after at most ${iterMax} iterations` });
      expect(fit.converged).toBe(converged);
      expect(fit.iterations).toBe(converged ? 3 : iterMax);
      expect(fit.warnings.includes("Ran out of iterations and did not converge")).toBe(warned);
    },
  );
});

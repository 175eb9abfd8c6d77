import { describe, expect, it } from "vitest";
import { coxPH, coxPHTerms } from "../../../src/lib/survival/cox-ph";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";
import { caseInput, fitCase, fixtures, type FixtureCase } from "./cox-fixtures";

// coxPHTerms is coxPH's coefficient table without the tests, concordance and result object (for simulations).
describe("coxPHTerms: coxPH's coefficient table, cheaper", () => {
  for (const c of fixtures.cases as FixtureCase[]) {
    it(`${c.name}: R's coefficients and SEs, and exactly coxPH's terms, flags and warnings`, () => {
      const { y, x, options } = caseInput(c);
      const lean = coxPHTerms(y, x, options);
      lean.terms.forEach((t, j) => {
        expectClose(t.coef, c.r.coef[j], { rel: 1e-6, label: `${c.name} coef ${t.name}` });
        const se = c.robust || c.data.cluster ? c.r.robustSe[j] : c.r.se[j];
        expectClose(t.se, se, { rel: 1e-6, label: `${c.name} se ${t.name}` });
      });
      const full = fitCase(c);
      expect(lean.terms).toEqual(full.terms);
      expect(lean.converged).toBe(full.converged);
      expect(lean.possiblyInfinite).toBe(full.possiblyInfinite);
      expect(lean.warnings).toEqual(full.warnings);
    });
  }

  it("reports a monotone likelihood (R's fixture) and an aliased covariate as coxPH does", () => {
    const m = fixtures.monotone;
    const y = surv(m.data.time, m.data.event);
    const x = { names: m.data.covariates, columns: m.data.columns };
    const lean = coxPHTerms(y, x);
    expect(lean.possiblyInfinite).toBe(true);
    expect(lean.warnings.join(" ")).toMatch(/Loglik converged before variable 1 \(x\); coefficient may be infinite/);
    expect(lean).toEqual({
      terms: coxPH(y, x).terms,
      converged: true,
      possiblyInfinite: true,
      warnings: lean.warnings,
    });
    // The second column copies the first: not estimable (R: NA).
    const aliased = { names: ["x", "copy"], columns: [m.data.columns[0], m.data.columns[0]] };
    const leanAliased = coxPHTerms(y, aliased);
    expect(leanAliased.terms[1].coef).toBeNull();
    expect(leanAliased.warnings).toEqual(coxPH(y, aliased).warnings);
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { coxFirth } from "../../../src/lib/survival/cox-firth";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

// Written by the Firth section of make-fixtures.R: an independent R implementation (coxph log-likelihood
// and information at b, optim/optimize, uniroot for profile limits), since coxphf is not installed.
const firth = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-cox/cox-firth-fixtures.json"), "utf8"));
const arr = (v: number | number[]): number[] => ([] as number[]).concat(v);

describe("coxFirth matches an independent R implementation of the Firth-penalized Cox model", () => {
  for (const c of firth.cases) {
    it(`${c.name}: coefficients, SEs, penalized log-likelihoods, profile CIs, penalized LR tests`, () => {
      const fit = coxFirth(
        surv(c.data.time, c.data.event),
        { names: ([] as string[]).concat(c.data.covariates), columns: c.data.columns },
        { ties: c.ties },
      );
      // R's optimizer (reltol 1e-16 on l*) and ours agree to better than 1e-6 relative.
      const tol = (label: string) => ({ rel: 1e-6, label: `${c.name} ${label}` });
      fit.terms.forEach((t, j) => {
        expectClose(t.coef, arr(c.r.coef)[j], tol(`coef ${t.name}`));
        expectClose(t.se, arr(c.r.se)[j], tol(`se ${t.name}`));
        expectClose(Math.log(t.ciLower), arr(c.r.ciLower)[j], tol(`profile lower ${t.name}`));
        expectClose(Math.log(t.ciUpper), arr(c.r.ciUpper)[j], tol(`profile upper ${t.name}`));
        expectClose(t.test.statistic, arr(c.r.penalizedLR)[j], tol(`penalized LR ${t.name}`));
        expectClose(t.test.pValue, arr(c.r.penalizedLRp)[j], tol(`penalized LR p ${t.name}`));
      });
      expectClose(fit.penalizedLoglik, c.r.penalizedLoglik, { rel: 1e-9, label: `${c.name} penalized loglik` });
      expectClose(fit.penalizedLoglikNull, c.r.penalizedNull, { rel: 1e-9, label: `${c.name} penalized loglik at 0` });
      expectClose(fit.loglik, c.r.loglik, { rel: 1e-7, label: `${c.name} loglik at estimate` });
      expect(fit.converged).toBe(true);
    });
  }
  it("stays finite where plain coxPH reports a monotone likelihood", () => {
    const c = firth.cases.find((k: { name: string }) => k.name === "monotone-firth");
    const y = surv(c.data.time, c.data.event);
    const X = { names: c.data.covariates, columns: c.data.columns };
    expect(coxPH(y, X).warnings.join(" ")).toMatch(/coefficient may be infinite/);
    const f = coxFirth(y, X);
    expect(Number.isFinite(f.terms[0].coef) && f.terms[0].coef < 10).toBe(true);
    expect(f.terms[0].ciLower).toBeGreaterThan(1);
  });
});

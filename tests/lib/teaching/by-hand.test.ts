/**
 * The hand-worked teaching tables against R survival 3.5-3 on the toy cohort (tests/fixtures/teaching/toy-cohort.json,
 * written by make-fixtures.R) and against hand calculations written out here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  coxNewtonByHand,
  greenwoodByHand,
  kmTableByHand,
  logRankByHand,
  medianByHand,
  partialLikelihoodByHand,
} from "../../../src/lib/teaching";
import { surv, survCounting } from "../../../src/lib/survival";

const R = JSON.parse(readFileSync(join(__dirname, "../../fixtures/teaching/toy-cohort.json"), "utf8"));
const y = surv(R.toy.time, R.toy.status);
const x: number[] = R.toy.visceral;
const close = (a: number | null, b: number, tol = 1e-9) => {
  expect(a).not.toBeNull();
  expect(Math.abs((a as number) - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));
};
const NA = (v: unknown) => (v === "NA" ? null : v);

describe("kmTableByHand", () => {
  const km = kmTableByHand(y);
  const r = R.km[0];
  it("gives R's survfit table, censored times included", () => {
    expect(km.rows.map((row) => row.time)).toEqual(r.time);
    expect(km.rows.map((row) => row.atRisk)).toEqual(r.n_risk);
    expect(km.rows.map((row) => row.deaths)).toEqual(r.n_event);
    expect(km.rows.map((row) => row.censored)).toEqual(r.n_censor);
    km.rows.forEach((row, i) => {
      close(row.survival, r.surv[i]);
    });
  });
  it("writes each step out; a censored row leaves S unchanged", () => {
    // S(6) = 0.9 × 7/8 × (1 − 2/7) = 0.5625
    expect(km.rows[3].working).toBe(
      "2 deaths of 7 at risk: S = 0.7875 × (1 − 2/7) = 0.5625; then 1 censored leaves the risk set",
    );
    expect(km.rows[1]).toMatchObject({ time: 3, deaths: 0, censored: 1, conditional: null, survival: 0.9 });
    expect(km.rows[1].working).toBe("1 censored: leaves the risk set, S stays 0.9");
    close(km.rows[3].survival, 0.9 * (7 / 8) * (5 / 7));
  });
  it("rejects what it cannot tabulate", () => {
    expect(() => kmTableByHand(survCounting([0, 1], [2, 3], [1, 0]))).toThrow(/right-censored/);
    expect(() => kmTableByHand({} as never)).toThrow(/must be a Surv/);
  });
});

describe("greenwoodByHand", () => {
  const gw = greenwoodByHand(y);
  const r = R.km[0];
  it("gives R's standard errors at every death time (summary std.err = S·√Σ; survfit std.err = √Σ)", () => {
    for (const row of gw.rows) {
      const i = r.time.indexOf(row.time);
      close(row.se, r.std_err[i]);
      close(row.seLog, r.std_err_log[i]);
    }
    expect(gw.rows.map((row) => row.time)).toEqual([2, 4, 6, 9, 14]);
  });
  it("sums the terms as written by hand", () => {
    const sum9 = 1 / (10 * 9) + 1 / (8 * 7) + 2 / (7 * 5) + 1 / (4 * 3);
    close(gw.rows[3].sum, sum9);
    close(gw.rows[3].variance, 0.421875 ** 2 * sum9);
  });
  it("reports an undefined variance when everyone at risk dies (R: NaN)", () => {
    const last = greenwoodByHand(surv([1, 2, 3], [1, 0, 1])).rows;
    expect(last[1]).toMatchObject({ time: 3, survival: 0, term: null, variance: null, se: null });
    expect(last[1].working).toMatch(/undefined/);
  });
});

describe("medianByHand", () => {
  const m = medianByHand(y);
  it("gives R's median and CI on the log and plain bands (upper limit NA)", () => {
    const log = R.km[0];
    const plain = R.km[2];
    const [r, bc, spss] = m.intervals;
    expect([r.median, r.lower, r.upper]).toEqual([log.median, log.median_lower, NA(log.median_upper)]);
    expect([bc.median, bc.lower, bc.upper]).toEqual([plain.median, plain.median_lower, NA(plain.median_upper)]);
    m.rows.forEach((row, i) => {
      close(row.logLower, log.lower[i]);
      close(row.logUpper, log.upper[i]);
      close(row.plainLower, plain.lower[i]);
      close(row.plainUpper, plain.upper[i]);
    });
    expect(spss.method).toBe("spss");
  });
  it("works the SPSS-style interval by hand: 9 ± z·SE(S(9))/f̂, f̂ = (S(6) − S(9))/(9 − 6)", () => {
    const f = (0.5625 - 0.421875) / (9 - 6);
    const seS = 0.421875 * Math.sqrt(1 / 90 + 1 / 56 + 2 / 35 + 1 / 12);
    const z = 1.959963984540054;
    close(m.spss.density, f);
    close(m.spss.se, seS / f);
    close(m.intervals[2].lower, 9 - (z * seS) / f, 1e-12);
    close(m.intervals[2].upper, 9 + (z * seS) / f, 1e-12);
    expect([m.spss.u, m.spss.l]).toEqual([6, 9]);
  });
  it("takes the midpoint where S equals 0.5 on a flat stretch, as R", () => {
    expect(medianByHand(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1])).median).toBe(3.5);
  });
  it("says there is no median when S stays above 0.5", () => {
    const none = medianByHand(surv([1, 2, 3, 4], [1, 0, 0, 0]));
    expect(none.median).toBeNull();
    expect(none.intervals[2].working).toMatch(/no median/);
  });
  it("rejects a bad confidence level", () => {
    expect(() => medianByHand(y, { confLevel: 1.5 })).toThrow(/options.confLevel = 1.5/);
  });
});

describe("logRankByHand", () => {
  it("gives R's survdiff observed, expected, variance and χ²", () => {
    const lr = logRankByHand(y, x);
    expect(lr.groups).toEqual(["0", "1"]);
    expect([lr.observedA, lr.observedB]).toEqual(R.logrank.observed);
    close(lr.expectedA, R.logrank.expected[0]);
    close(lr.expectedB, R.logrank.expected[1]);
    close(lr.variance, R.logrank.var[0][0]);
    close(lr.statistic, R.logrank.chisq);
    close(lr.pValue, R.logrank.p);
  });
  it("tabulates the chosen group; the statistic does not change", () => {
    const a = logRankByHand(y, x);
    const b = logRankByHand(y, x, { group: "1" });
    expect(b.groups).toEqual(["1", "0"]);
    close(b.expectedA, a.expectedB);
    close(b.statistic, a.statistic);
    // Month 6: 3 of 7 at risk in group 1, 2 deaths: E = 6/7, V = 2·5·3·4/(49·6).
    const row = b.rows.find((r) => r.time === 6);
    close(row?.expectedA ?? null, 6 / 7);
    close(row?.variance ?? null, (2 * 5 * 3 * 4) / (49 * 6));
    expect(row?.working).toBe("E = 2·3/7 = 0.8571; O − E = 1 − 0.8571 = 0.1429; V = 2·5·3·4/(7²·6) = 0.4082");
  });
  it("computes the older approximation Σ(O − E)²/E, never above the log-rank χ²", () => {
    const lr = logRankByHand(y, x);
    const approx = (2 - lr.expectedA) ** 2 / lr.expectedA + (4 - lr.expectedB) ** 2 / lr.expectedB;
    close(lr.approximateStatistic, approx);
    expect(lr.approximateStatistic).toBeLessThan(lr.statistic);
  });
  it("takes exactly two groups, and a group that exists", () => {
    expect(() => logRankByHand(y, [1, 1, 1, 2, 2, 2, 3, 3, 3, 3])).toThrow(/exactly 2 groups, got 3/);
    expect(() => logRankByHand(y, x, { group: "2" })).toThrow(/options.group = "2"/);
    expect(() => logRankByHand(y, x.slice(1))).toThrow(/length 9 differs/);
  });
});

describe("partialLikelihoodByHand and coxNewtonByHand", () => {
  for (const ties of ["breslow", "efron"] as const) {
    const r = R.cox[ties];
    it(`${ties}: ℓ(β) at each of R's Newton iterates equals R's loglik`, () => {
      [0, ...r.iterates].forEach((beta: number, k: number) => {
        close(partialLikelihoodByHand(y, x, beta, { ties }).loglik, r.loglik_at_iterates[k], 1e-10);
      });
    });
    it(`${ties}: the Newton iterates, estimate, SE, HR, CI and score test are R's`, () => {
      const fit = coxNewtonByHand(y, x, { ties });
      fit.rows.forEach((row, k) => {
        close(row.nextBeta, r.iterates[k], 1e-8);
      });
      expect(fit.converged).toBe(true);
      expect(fit.rows.length).toBe(r.iterations + 1);
      close(fit.estimate, r.coef, 1e-8);
      close(fit.se, r.se, 1e-7);
      close(fit.hazardRatio, r.hazard_ratio, 1e-8);
      close(fit.ci[0], r.ci[0][0], 1e-7);
      close(fit.ci[1], r.ci[0][1], 1e-7);
      close(fit.scoreTest.statistic, r.score_test, 1e-10);
      close(fit.loglikNull, r.loglik[0], 1e-12);
      close(fit.loglik, r.loglik[1], 1e-10);
      close(fit.likelihoodRatioTest.statistic, 2 * (r.loglik[1] - r.loglik[0]), 1e-8);
    });
  }
  it("writes a term out by hand: two tied deaths at month 6 (Breslow, β = 0)", () => {
    const pl = partialLikelihoodByHand(y, x, 0);
    const row = pl.rows.find((r) => r.time === 6);
    // r0 = 4, r1 = 3, one death in each group: 1·0 − 2·log(4 + 3) ; U = 1 − 2·3/7 ; I = 2·(3/7)(4/7)
    close(row?.loglik ?? null, -2 * Math.log(7));
    close(row?.score ?? null, 1 - 6 / 7);
    close(row?.information ?? null, 2 * (3 / 7) * (4 / 7));
    expect(row?.working).toBe("1×0 − 2×log(4 + 3×1) = -3.8918");
    // A small case entirely by hand: deaths at 1 (x = 1, both at risk) and 2 (x = 0, alone): log(1/2) + log(1).
    close(partialLikelihoodByHand(surv([1, 2], [1, 1]), [1, 0], 0).loglik, Math.log(1 / 2));
  });
  it("first Newton step from 0 is U(0)/I(0) with U(0) = O − E of group 1", () => {
    const lr = logRankByHand(y, x, { group: "1" });
    const step = coxNewtonByHand(y, x, { steps: 1 });
    close(step.rows[0].score, lr.observedA - lr.expectedA);
    close(step.rows[0].nextBeta, R.cox.breslow.iterates[0], 1e-12);
  });
  it("warns when all deaths fall in one group (the estimate is infinite)", () => {
    const fit = coxNewtonByHand(surv([1, 2, 3, 4, 5], [1, 1, 0, 0, 0]), [1, 1, 0, 0, 0], { steps: 10 });
    expect(fit.converged).toBe(false);
    expect(fit.warnings[0]).toMatch(/did not settle within 10 Newton steps/);
  });
  it("takes a 0/1 covariate with both values", () => {
    expect(() => partialLikelihoodByHand(y, [0, 1, 2, 0, 0, 0, 0, 0, 0, 0], 0)).toThrow(/x\[2\] = 2: must be 0 or 1/);
    expect(() => partialLikelihoodByHand(y, new Array(10).fill(1), 0)).toThrow(/both values/);
    expect(() => partialLikelihoodByHand(y, x, Number.NaN)).toThrow(/beta = NaN/);
    expect(() => coxNewtonByHand(y, x, { steps: 0 })).toThrow(/options.steps = 0/);
  });
});

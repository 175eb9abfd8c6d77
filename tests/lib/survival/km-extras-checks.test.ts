import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { kmQuantile } from "../../../src/lib/survival/km-quantile";
import { restrictedMean } from "../../../src/lib/survival/restricted-mean";
import { logRankTrend } from "../../../src/lib/survival/log-rank-trend";
import { expectClose } from "../../helpers/expect-close";

// Checks beyond tests/survival/km-extras.test.ts: the trend test with G-rho weights and strata, the
// restricted mean past the last observed time (both against R, make-fixtures.R), and Brookmeyer–Crowley
// intervals on tied, censored data written out by hand (every confType of the fit).
interface TrendMore {
  time: number[];
  status: number[];
  g: string[];
  strata: string[];
  groups: string[];
  scores: number[];
  rho: number;
  stratified: boolean;
  u: number;
  v: number;
  chisq: number;
  p: number;
}
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  datasets: Record<string, { time: number[]; status: number[] }>;
  trend_more: Record<string, TrendMore>;
  rmean_beyond: { dataset: string; tau: number; rmean: number; se: number }[];
};

describe.each(Object.entries(fixture.trend_more))("log-rank trend vs R survdiff (rho, strata): %s", (name, t) => {
  it("U, wᵀVw, χ² and p", () => {
    const scores = Object.fromEntries(t.groups.map((g, i) => [g, t.scores[i]]));
    const r = logRankTrend(surv(t.time, t.status), t.g, {
      scores,
      rho: t.rho,
      strata: t.stratified ? t.strata : undefined,
    });
    expect(r.details.groups).toEqual(t.groups);
    expectClose(r.estimate, t.u, { label: `${name} U` });
    expectClose(r.details.varianceOfU, t.v, { label: `${name} wᵀVw` });
    expectClose(r.statistic, t.chisq, { label: `${name} chi-square` });
    expectClose(r.pValue, t.p, { label: `${name} p` });
    expect(r.df).toBe(1);
  });
});

describe.each(fixture.rmean_beyond.map((r) => [r.dataset, r] as const))(
  "restricted mean past the last time vs R survmean: %s",
  (name, ref) => {
    it(`τ = 1.5 × largest time`, () => {
      const d = fixture.datasets[name];
      const m = restrictedMean(kaplanMeier(surv(d.time, d.status)), ref.tau);
      expectClose(m.estimate, ref.rmean, { label: `${name} rmean τ = ${ref.tau}` });
      expectClose(m.se, ref.se, { label: `${name} se(rmean) τ = ${ref.tau}` });
    });
  },
);

describe("Brookmeyer–Crowley by hand: tied deaths with censoring", () => {
  // times 1 1 2 3+ 4 4 5 6 7+ 8 (n 10). S: t1 0.8 (n 10, d 2), t2 0.7 (n 8, d 1), t4 0.7·4/6 = 0.466667 (n 6, d 2),
  // t5 0.35 (n 4, d 1), t6 0.233333 (n 3, d 1), t8 0 (n 1, d 1).
  // Greenwood Σ d/(n(n−d)): 2/80 = 0.025; + 1/56 = 0.042857; + 2/24 = 0.126190; + 1/12 = 0.209524; + 1/6 = 0.376190.
  // SE(S) = S·sqrt(Σ): 0.126491, 0.144914, 0.165775, 0.160208, 0.143114; at t8 the SE is infinite (no band).
  // Plain band with z = 1.959964 — lower S − z·SE: 0.552082, 0.415974, 0.141753, 0.035998, 0 (clipped);
  // upper S + z·SE: 1 (clipped), 0.984026, 0.791580, 0.664002, 0.513831.
  // BC set {t : |S(t) − (1 − p)| ≤ z·SE(t)}; its ends are where the bands cross 1 − p.
  const y = surv([1, 1, 2, 3, 4, 4, 5, 6, 7, 8], [1, 1, 1, 0, 1, 1, 1, 1, 0, 1]);
  it.each(["log", "log-log", "plain"] as const)("fit with confType %s", (confType) => {
    const fit = kaplanMeier(y, { confType });
    // p = 0.5: S ≤ 0.5 first at t4 (0.4667, not equal) → 4; lower band ≤ 0.5 first at t2 (0.415974) → 2;
    // upper band never ≤ 0.5 where defined (0.513831 at t6, none at t8) → null.
    const median = kmQuantile(fit, 0.5, { method: "brookmeyer-crowley" });
    expect([median.time, median.lower, median.upper]).toEqual([4, 2, null]);
    // p = 0.25: S ≤ 0.75 first at t2 (0.7) → 2; lower band ≤ 0.75 at t1 (0.552) → 1; upper band ≤ 0.75 first at t5 (0.664) → 5.
    const q25 = kmQuantile(fit, 0.25, { method: "brookmeyer-crowley" });
    expect([q25.time, q25.lower, q25.upper]).toEqual([2, 1, 5]);
    // p = 0.75: S ≤ 0.25 first at t6 (0.2333) → 6; lower band ≤ 0.25 first at t4 (0.141753) → 4; upper band never ≤ 0.25 → null.
    const q75 = kmQuantile(fit, 0.75, { method: "brookmeyer-crowley" });
    expect([q75.time, q75.lower, q75.upper]).toEqual([6, 4, null]);
  });
});

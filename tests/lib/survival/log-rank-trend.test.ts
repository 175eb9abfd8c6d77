import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { logRank } from "../../../src/lib/survival/log-rank";
import { logRankTrend } from "../../../src/lib/survival/log-rank-trend";
import { surv } from "../../../src/lib/survival/surv";
import { expectClose } from "../../helpers/expect-close";

// The log-rank test for trend against R (written out from survdiff's obs, exp and var in
// tests/fixtures/survival-km/make-fixtures.R), with G-rho weights and strata, and by hand.
interface Trend {
  time: number[];
  status: number[];
  g: string[];
  groups: string[];
  scores: number[];
  u: number;
  chisq: number;
  p: number;
}
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
  trend: Record<string, Trend>;
  trend_more: Record<string, TrendMore>;
};

describe.each(Object.entries(fixture.trend))("log-rank trend vs R (written out from survdiff): %s", (name, t) => {
  it("U, χ² and p", () => {
    const scores = Object.fromEntries(t.groups.map((g, i) => [g, t.scores[i]]));
    const r = logRankTrend(surv(t.time, t.status), t.g, { scores });
    expect(r.details.groups).toEqual(t.groups);
    expectClose(r.estimate, t.u, { label: `${name} U` });
    expectClose(r.statistic, t.chisq, { label: `${name} chi-square` });
    expectClose(r.pValue, t.p, { label: `${name} p` });
  });
});

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

describe("by hand", () => {
  it("trend with scores 1, 2, 3 from logRank's O, E, V (hand: U and wᵀVw)", () => {
    const y = surv([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 1, 1, 0, 1, 1, 1, 0]);
    const g = [3, 3, 2, 3, 2, 1, 2, 1, 1];
    const base = logRank(y, g).details;
    const w = [1, 2, 3];
    const u = w.reduce((s, wi, a) => s + wi * (base.observed[a] - base.expected[a]), 0);
    const v = w.reduce((s, wa, a) => s + w.reduce((t, wb, b) => t + wa * base.variance[a][b] * wb, 0), 0);
    const r = logRankTrend(y, g);
    expect(r.estimate).toBeCloseTo(u, 12);
    expect(r.statistic).toBeCloseTo((u * u) / v, 12);
    expect(r.estimate! > 0).toBe(true); // group 3 dies first: more deaths than expected at the high score
  });

  it("names what is wrong", () => {
    const y = surv([1, 2, 3, 4], [1, 1, 0, 1]);
    expect(() => logRankTrend(y, ["a", "b", "a", "b"])).toThrow(/at least 3 ordered groups/);
    expect(() => logRankTrend(surv([1, 2, 3], [1, 1, 1]), ["a", "b", "c"], { scores: { a: 1, b: 2 } })).toThrow(
      /no finite score for group "c"/,
    );
  });
});

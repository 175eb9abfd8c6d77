import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import { kaplanMeier, survivalAt } from "../../../src/lib/survival/kaplan-meier";
import { kmQuantile } from "../../../src/lib/survival/km-quantile";
import { restrictedMean } from "../../../src/lib/survival/restricted-mean";
import { spssMeanSurvival } from "../../../src/lib/survival/spss-mean-survival";
import { logRankTrend } from "../../../src/lib/survival/log-rank-trend";
import { logRank } from "../../../src/lib/survival/log-rank";
import { expectClose } from "../../helpers/expect-close";

interface Dataset {
  time: number[];
  status: number[];
  km: { conf_type: string; quantile: (number | null)[]; q_lower: (number | null)[]; q_upper: (number | null)[] }[];
  at_times: { times: number[]; surv: number[]; n_risk: number[]; lower: number[]; upper: number[] };
  rmean: { tau: number; rmean: number; se: number; max_time: number; rmean_individual: number; se_individual: number };
}
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
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  datasets: Record<string, Dataset>;
  trend: Record<string, Trend>;
};

describe.each(Object.entries(fixture.datasets))("Kaplan–Meier extras vs R: %s", (name, d) => {
  const y = surv(d.time, d.status);

  it("Brookmeyer–Crowley on a log-scale fit = R's quantile on conf.type 'plain'", () => {
    const plain = d.km.find((k) => k.conf_type === "plain")!;
    const fit = kaplanMeier(y, { confType: "log" });
    [0.25, 0.5, 0.75].forEach((p, j) => {
      const q = kmQuantile(fit, p, { method: "brookmeyer-crowley" });
      expectClose(q.time, plain.quantile[j], { label: `${name} BC quantile ${p}` });
      expectClose(q.lower, plain.q_lower[j], { label: `${name} BC lower ${p}` });
      expectClose(q.upper, plain.q_upper[j], { label: `${name} BC upper ${p}` });
    });
  });

  it("survival at chosen times = summary(fit, times, extend = TRUE)", () => {
    const at = survivalAt(kaplanMeier(y), d.at_times.times);
    at.forEach((r, i) => {
      expectClose(r.survival, d.at_times.surv[i], { label: `${name} S(${r.time})` });
      expect(r.nRisk, `${name} n.risk at ${r.time}`).toBe(d.at_times.n_risk[i]);
      expectClose(r.lower, d.at_times.lower[i], { label: `${name} lower at ${r.time}` });
      expectClose(r.upper, d.at_times.upper[i], { label: `${name} upper at ${r.time}` });
    });
    expect(at[at.length - 1].beyondFollowUp).toBe(true);
  });

  it("restricted mean and SPSS mean = R survmean (rmean = tau, rmean = 'individual')", () => {
    const fit = kaplanMeier(y);
    const r = restrictedMean(fit, d.rmean.tau);
    expectClose(r.estimate, d.rmean.rmean, { label: `${name} rmean(${d.rmean.tau})` });
    expectClose(r.se, d.rmean.se, { label: `${name} se(rmean)` });
    const m = spssMeanSurvival(fit);
    expect(m.tau).toBe(d.rmean.max_time);
    expectClose(m.estimate, d.rmean.rmean_individual, { label: `${name} SPSS mean` });
    expectClose(m.se, d.rmean.se_individual, { label: `${name} SPSS mean SE` });
    expectClose(m.upper - m.estimate, 1.959963984540054 * m.se, { label: "symmetric CI" });
  });
});

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

describe("by hand", () => {
  it("restricted mean with censoring, written out", () => {
    // times 2 (death), 3 (censored), 5 (death), 8 (censored); n = 4. S = 1 on [0, 2), 0.75 on [2, 5), 0.375 on [5, ∞).
    // RMST(6) = 2·1 + 3·0.75 + 1·0.375 = 4.625.
    // Var: death at 2: A = 3·0.75 + 1·0.375 = 2.625, d/(n(n−d)) = 1/(4·3); death at 5: A = 0.375, 1/(2·1).
    // Var = 2.625²/12 + 0.375²/2 = 0.57422 + 0.070313 = 0.64453; SE = 0.80283.
    const r = restrictedMean(kaplanMeier(surv([2, 3, 5, 8], [1, 0, 1, 0])), 6);
    expect(r.estimate).toBeCloseTo(4.625, 12);
    expect(r.se).toBeCloseTo(Math.sqrt(2.625 ** 2 / 12 + 0.375 ** 2 / 2), 12);
  });

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
    expect(() => restrictedMean(kaplanMeier(y), 0)).toThrow(/tau = 0/);
    expect(() => kmQuantile(kaplanMeier(y), 0.5, { method: "sas" as never })).toThrow(/brookmeyer-crowley/);
  });
});

describe("kmToHtml", () => {
  const fit = kaplanMeier(surv([2, 3, 5, 8], [1, 0, 1, 0]));
  it("R layout: one row per event time with the step table's numbers", async () => {
    const html = (await import("../../../src/lib/survival/km-to-html")).kmToHtml(fit);
    // Hand: t = 2: 4 at risk, S = 0.75; t = 5: 2 at risk, S = 0.375.
    expect(html).toContain("<td>2</td><td>4</td><td>1</td><td>0.7500</td>");
    expect(html).toContain("<td>5</td><td>2</td><td>1</td><td>0.3750</td>");
    expect(html).not.toContain("<td>3</td><td>3</td>"); // censored times are not rows in summary()
  });

  it("SPSS layout: mean limited to the censored largest time (hand: 2 + 3·0.75 + 3·0.375 = 5.375) and the median", async () => {
    const { kmToHtml } = await import("../../../src/lib/survival/km-to-html");
    const html = kmToHtml(
      [
        { label: "A", fit },
        { label: "B", fit: kaplanMeier(surv([1, 2], [1, 1])) },
      ],
      { style: "spss" },
    );
    expect(html).toContain("<td>A</td><td>5.375</td>");
    expect(html).toContain("<td>B</td><td>1.500</td>"); // all deaths: the ordinary mean (1 + 2) / 2
    expect(html).toContain("A: estimation is limited to the largest survival time (8) since it is censored.");
    expect(html).not.toContain("B: estimation");
    expect(() => kmToHtml([], { style: "spss" })).toThrow(/no curves/);
  });
});

describe("doc-comment examples", () => {
  it("give the outputs they state", () => {
    expect(restrictedMean(kaplanMeier(surv([1, 2, 3, 4], [1, 1, 1, 1])), 4).estimate).toBe(2.5);
    expect(spssMeanSurvival(kaplanMeier(surv([1, 2, 3, 4], [1, 1, 1, 0]))).estimate).toBe(2.5);
    expect(logRankTrend(surv([1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 0]), [1, 1, 2, 2, 3, 3]).df).toBe(1);
  });
});

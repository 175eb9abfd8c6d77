import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import { kaplanMeier, survivalAt, type KmConfType } from "../../../src/lib/survival/kaplan-meier";
import { kmQuantile } from "../../../src/lib/survival/km-quantile";
import { logRank } from "../../../src/lib/survival/log-rank";
import { InputError } from "../../../src/lib/core/errors";
import { expectClose } from "../../helpers/expect-close";

interface KmRef {
  conf_type: KmConfType;
  time: number[];
  n_risk: number[];
  n_event: number[];
  n_censor: number[];
  surv: number[];
  std_err: (number | string | null)[];
  lower: (number | null)[];
  upper: (number | null)[];
  quantile: (number | null)[];
  q_lower: (number | null)[];
  q_upper: (number | null)[];
}
interface LrRef {
  rho: number;
  stratified: boolean;
  chisq: number;
  observed: number[];
  expected: number[];
  var: number[][];
  groups: string[];
}
interface Dataset {
  time: number[];
  status: number[];
  g: string[];
  s: string[];
  km: KmRef[];
  logrank: LrRef[];
}
const fixture = JSON.parse(readFileSync(join(__dirname, "../../fixtures/survival-km/km-fixtures.json"), "utf8")) as {
  r_version: string;
  datasets: Record<string, Dataset>;
};

describe.each(Object.entries(fixture.datasets))("Kaplan–Meier vs R survfit: %s", (name, d) => {
  const y = surv(d.time, d.status);
  it.each(d.km.map((k) => [k.conf_type, k] as const))(
    "conf.type %s: step table, Greenwood SE, CI, quantiles",
    (confType, ref) => {
      const fit = kaplanMeier(y, { confType });
      expect(fit.steps.map((s) => s.time)).toEqual(ref.time);
      expect(fit.steps.map((s) => s.nRisk)).toEqual(ref.n_risk);
      expect(fit.steps.map((s) => s.nEvent)).toEqual(ref.n_event);
      expect(fit.steps.map((s) => s.nCensor)).toEqual(ref.n_censor);
      fit.steps.forEach((s, i) => {
        const label = `${name} ${confType} step ${i} (t = ${s.time})`;
        expectClose(s.survival, ref.surv[i], { label: `${label} surv` });
        if (ref.std_err[i] !== null && ref.std_err[i] !== "Inf")
          expectClose(s.stdErrLog, ref.std_err[i], { label: `${label} std.err` });
        expectClose(s.lower, ref.lower[i], { label: `${label} lower` });
        expectClose(s.upper, ref.upper[i], { label: `${label} upper` });
      });
      [0.25, 0.5, 0.75].forEach((p, j) => {
        const q = kmQuantile(fit, p, "r");
        expectClose(q.time, ref.quantile[j], { label: `${name} ${confType} quantile ${p}` });
        expectClose(q.lower, ref.q_lower[j], { label: `${name} ${confType} quantile ${p} lower` });
        expectClose(q.upper, ref.q_upper[j], { label: `${name} ${confType} quantile ${p} upper` });
      });
    },
  );
  it.each(d.logrank.map((l) => [`rho ${l.rho}${l.stratified ? " stratified" : ""}`, l] as const))(
    "log-rank %s vs survdiff",
    (_, ref) => {
      const r = logRank(y, d.g, { rho: ref.rho, strata: ref.stratified ? d.s : undefined });
      expectClose(r.statistic, ref.chisq, { label: `${name} chisq` });
      expect(r.df).toBe(ref.groups.length - 1);
      expect(r.details.groups).toEqual(ref.groups);
      (r.details.observed as number[]).forEach((o, a) => {
        expectClose(o, ref.observed[a], { label: `${name} O[${a}]` });
      });
      (r.details.expected as number[]).forEach((e, a) => {
        expectClose(e, ref.expected[a], { label: `${name} E[${a}]` });
      });
      (r.details.variance as number[][]).forEach((row, a) => {
        row.forEach((v, b) => {
          expectClose(v, ref.var[a][b], { label: `${name} V[${a},${b}]`, abs: 1e-12 });
        });
      });
    },
  );
});

describe("Kaplan–Meier by hand", () => {
  // times 1 2 2 3 4 4+ 5 ; deaths at 1 (n 7), 2 ×2 (n 6), 3 (n 4), 4 (n 3, one censored at 4 too), 5 (n 1)
  const y = surv([1, 2, 2, 3, 4, 4, 5], [1, 1, 1, 1, 1, 0, 1]);
  const fit = kaplanMeier(y);
  it("product-limit and Greenwood, written out", () => {
    const s1 = 6 / 7;
    const s2 = s1 * (4 / 6);
    const s3 = s2 * (3 / 4);
    const s4 = s3 * (2 / 3);
    [s1, s2, s3, s4, 0].forEach((v, i) => {
      expectClose(fit.steps[i].survival, v, { rel: 1e-12, label: `S at step ${i}` });
    });
    const g3 = 1 / (7 * 6) + 2 / (6 * 4) + 1 / (4 * 3);
    expectClose(fit.steps[2].stdErrLog, Math.sqrt(g3), { label: "Greenwood σ at t = 3" });
    expectClose(fit.steps[2].stdErr, s3 * Math.sqrt(g3), { label: "SE of S at t = 3" });
    expect(fit.steps[3].nCensor).toBe(1);
    expect(fit.steps[4].lower).toBeNull(); // S = 0: no interval (R NA)
  });
  it("survival at arbitrary times is right-continuous, 1 before the first time", () => {
    const at = survivalAt(fit, [0, 1, 1.5, 4, 9]);
    [1, 6 / 7, 6 / 7, (6 / 7) * (4 / 6) * (3 / 4) * (2 / 3), 0].forEach((v, i) => {
      expectClose(at[i].survival, v, { rel: 1e-12, label: `S(t) #${i}` });
    });
    expect(at[4].beyondFollowUp).toBe(true);
    expect(at.map((a) => a.nRisk)).toEqual([7, 7, 6, 3, 0]);
  });
  it("SPSS-style median CI is symmetric: median ± 1.96·SE(S)/f̂ (hand calculation)", () => {
    // 10 deaths at 1..10, no censoring: S(t_k) = 1 − k/10. Median (SPSS: first S ≤ 0.5) = 5.
    const fit10 = kaplanMeier(surv([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], new Array(10).fill(1)));
    const q = kmQuantile(fit10, 0.5, "spss");
    // û = last time with S ≥ 0.55: t = 4 (S 0.6); l̂ = first with S ≤ 0.45: t = 6 (S 0.4); f̂ = 0.2/2 = 0.1.
    // SE(S(5)) = 0.5·sqrt(Σ_{k=1..5} 1/((11−k)(10−k))) = 0.5·sqrt(1/10 − 1/5)… telescoping: Σ = 1/5 − 1/10 = 0.1.
    const se = (0.5 * Math.sqrt(0.1)) / 0.1;
    expect(q.time).toBe(5);
    expectClose(q.se, se, { label: "SPSS SE of median" });
    expectClose(q.lower, 5 - 1.959963984540054 * se, { label: "lower" });
    expectClose(q.upper, 5 + 1.959963984540054 * se, { label: "upper" });
    expectClose((q.upper! + q.lower!) / 2, 5, { label: "symmetry" });
    // R's median on the same data takes the midpoint of the flat stretch S = 0.5 on [5, 6): 5.5.
    expect(kmQuantile(fit10, 0.5, "r").time).toBe(5.5);
  });
  it("a quantile that is never reached is null, not a number", () => {
    const q = kmQuantile(kaplanMeier(surv([1, 2, 3], [1, 0, 0])), 0.5, "spss");
    expect(q.time).toBeNull();
    expect(kmQuantile(kaplanMeier(surv([1, 2, 3], [1, 0, 0])), 0.5, "r").time).toBeNull();
  });
});

describe("log-rank by hand", () => {
  it("two groups, one death each at distinct times", () => {
    // a: death at 1; b: death at 2; all others censored at 3. n = 4 (2 per group).
    const r = logRank(surv([1, 2, 3, 3], [1, 1, 0, 0]), ["a", "b", "a", "b"]);
    // t = 1: n 4 (2a, 2b), d 1 → E_a = 0.5, V = 1·3/3·(1/2)(1/2) = 0.25
    // t = 2: n 3 (1a, 2b), d 1 → E_a = 1/3, V = (1/3)(2/3) = 2/9
    const oMinusE = 1 - (0.5 + 1 / 3);
    const v = 0.25 + 2 / 9;
    expectClose(r.statistic, (oMinusE * oMinusE) / v, { label: "chisq" });
    expect(r.df).toBe(1);
  });
});

describe("bad input and edge cases", () => {
  it("names what is wrong", () => {
    const y = surv([1, 2], [1, 0]);
    expect(() => kaplanMeier(y, { confType: "probit" as KmConfType })).toThrow(InputError);
    expect(() => logRank(y, ["a"])).toThrow("groups = array(length 1): length 1 differs");
    expect(() => logRank(y, ["a", Number.NaN])).toThrow("groups[1] = NaN");
    expect(() => logRank(y, ["a", "a"])).toThrow("needs at least 2 groups, got 1 (a)");
    expect(() => kmQuantile(kaplanMeier(y), 1.5)).toThrow("p = 1.5");
  });
  it("no events: survival stays 1; all events: ends at 0", () => {
    expect(kaplanMeier(surv([1, 2], [0, 0])).steps.map((s) => s.survival)).toEqual([1, 1]);
    expect(kaplanMeier(surv([1, 2], [1, 1])).steps.map((s) => s.survival)).toEqual([0.5, 0]);
    expect(kaplanMeier(surv([3], [1])).steps).toHaveLength(1);
  });
});

describe("properties", () => {
  const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1 }), fc.boolean()), {
    minLength: 2,
    maxLength: 40,
  });
  it("survival is non-increasing within [0, 1] and invariant to row order", () => {
    fc.assert(
      fc.property(data, (rows) => {
        const fit = kaplanMeier(
          surv(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          ),
        );
        const sv = fit.steps.map((s) => s.survival);
        sv.forEach((v, i) => {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          if (i > 0) expect(v).toBeLessThanOrEqual(sv[i - 1]);
        });
        const rev = [...rows].reverse();
        expect(
          kaplanMeier(
            surv(
              rev.map((r) => r[0]),
              rev.map((r) => r[1]),
            ),
          ),
        ).toEqual(fit);
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
  it("log-rank is symmetric in group labels", () => {
    fc.assert(
      fc.property(data, (rows) => {
        const labels = rows.map((r) => (r[2] ? "x" : "y"));
        if (new Set(labels).size < 2) return;
        const y = surv(
          rows.map((r) => r[0]),
          rows.map((r) => r[1]),
        );
        const a = logRank(y, labels);
        const b = logRank(
          y,
          labels.map((l) => (l === "x" ? "y" : "x")),
        );
        if (a.statistic === null || Number.isNaN(a.statistic)) return;
        expectClose(b.statistic, a.statistic, { rel: 1e-9, label: "swapped labels" });
      }),
      { seed: 20261128, numRuns: 200 },
    );
  });
});

import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import { kaplanMeier, survivalAt, type KmConfType } from "../../../src/lib/survival/kaplan-meier";
import { kmQuantile } from "../../../src/lib/survival/km-quantile";
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
interface Dataset {
  time: number[];
  status: number[];
  km: KmRef[];
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
        const q = kmQuantile(fit, p, { method: "r" });
        expectClose(q.time, ref.quantile[j], { label: `${name} ${confType} quantile ${p}` });
        expectClose(q.lower, ref.q_lower[j], { label: `${name} ${confType} quantile ${p} lower` });
        expectClose(q.upper, ref.q_upper[j], { label: `${name} ${confType} quantile ${p} upper` });
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
    expectClose(fit.steps[2].stdErrSurvival, s3 * Math.sqrt(g3), { label: "SE of S at t = 3" });
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
    // one time gives one row, as R's summary(fit, times = 1.5)
    expect(survivalAt(fit, 1.5)).toEqual(at[2]);
    expect(() => survivalAt(fit, "1" as never)).toThrow(/times = "1": must be a time or an array of times/);
  });
  it("SPSS-style median CI is symmetric: median ± 1.96·SE(S)/f̂ (hand calculation)", () => {
    // 10 deaths at 1..10, no censoring: S(t_k) = 1 − k/10. Median (SPSS: first S ≤ 0.5) = 5.
    const fit10 = kaplanMeier(surv([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], new Array(10).fill(1)));
    const q = kmQuantile(fit10, 0.5, { method: "spss" });
    // û = last time with S ≥ 0.55: t = 4 (S 0.6); l̂ = first with S ≤ 0.45: t = 6 (S 0.4); f̂ = 0.2/2 = 0.1.
    // SE(S(5)) = 0.5·sqrt(Σ_{k=1..5} 1/((11−k)(10−k))) = 0.5·sqrt(1/10 − 1/5)… telescoping: Σ = 1/5 − 1/10 = 0.1.
    const se = (0.5 * Math.sqrt(0.1)) / 0.1;
    expect(q.time).toBe(5);
    expectClose(q.se, se, { label: "SPSS SE of median" });
    expectClose(q.lower, 5 - 1.959963984540054 * se, { label: "lower" });
    expectClose(q.upper, 5 + 1.959963984540054 * se, { label: "upper" });
    expectClose((q.upper! + q.lower!) / 2, 5, { label: "symmetry" });
    // R's median on the same data takes the midpoint of the flat stretch S = 0.5 on [5, 6): 5.5.
    expect(kmQuantile(fit10, 0.5, { method: "r" }).time).toBe(5.5);
  });
  it("a quantile that is never reached is null, not a number", () => {
    const q = kmQuantile(kaplanMeier(surv([1, 2, 3], [1, 0, 0])), 0.5, { method: "spss" });
    expect(q.time).toBeNull();
    expect(kmQuantile(kaplanMeier(surv([1, 2, 3], [1, 0, 0])), 0.5, { method: "r" }).time).toBeNull();
  });
});

describe("bad input and edge cases", () => {
  it("names what is wrong", () => {
    const y = surv([1, 2], [1, 0]);
    expect(() => kaplanMeier(y, { confType: "probit" as KmConfType })).toThrow(InputError);
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
});

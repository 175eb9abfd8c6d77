import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kaplanMeier } from "../../../src/lib/survival/kaplan-meier";
import { nelsonAalen } from "../../../src/lib/survival/nelson-aalen";
import { surv, survCounting } from "../../../src/lib/survival/surv";
import { checkColumns, curves, rawData } from "./curves-fixtures";

describe("nelsonAalen matches R survfit(stype, ctype) on lung, aml, veteran and heart", () => {
  const cases = (curves.raw as { name: string; args: Record<string, unknown> }[]).filter(
    (c) => c.args.stype !== undefined,
  );
  expect(cases.length).toBeGreaterThan(10);
  for (const c of cases) {
    it(`${c.name} ${JSON.stringify(c.args)}`, () => {
      const { y, weights } = rawData(c.name);
      const fit = nelsonAalen(y, {
        stype: c.args.stype as 1 | 2,
        ctype: c.args.ctype as 1 | 2,
        weights,
        robust: c.args.robust as boolean | undefined,
        confType: (c.args["conf.type"] as "log") ?? "log",
      });
      checkColumns(fit as never, c, c.name, [
        "time",
        "nRisk",
        "nEvent",
        "nCensor",
        "surv",
        "cumhaz",
        "stdErr",
        "stdChaz",
        "lower",
        "upper",
      ]);
    });
  }
});

describe("nelsonAalen by hand", () => {
  // Times 1, 2, 2, 3+, 4: n at risk 5, 4, 2, 1; deaths 1, 2, 0, 1.
  const y = surv([1, 2, 2, 3, 4], [1, 1, 1, 0, 1]);
  it("Nelson–Aalen: H = 1/5, 1/5 + 2/4, same, + 1/1; Var = 1/25, + 2/16, same, + 1", () => {
    const fit = nelsonAalen(y);
    expect(fit.time).toEqual([1, 2, 3, 4]);
    expect(fit.nRisk).toEqual([5, 4, 2, 1]);
    const h = [0.2, 0.7, 0.7, 1.7];
    fit.cumhaz.forEach((v, i) => {
      expect(v).toBeCloseTo(h[i], 14);
    });
    const v = [1 / 25, 1 / 25 + 2 / 16, 1 / 25 + 2 / 16, 1 / 25 + 2 / 16 + 1];
    fit.stdChaz.forEach((s, i) => {
      expect(s).toBeCloseTo(Math.sqrt(v[i]), 14);
    });
    fit.surv.forEach((s, i) => {
      expect(s).toBeCloseTo(Math.exp(-h[i]), 14);
    });
    // stype 2: std.err = std.chaz; log CI exp(−H ∓ 1.96σ).
    expect(fit.stdErr).toEqual(fit.stdChaz);
    expect(fit.lower[0]).toBeCloseTo(Math.exp(-0.2 - 1.959963984540054 * 0.2), 12);
  });
  it("Fleming–Harrington: the two tied deaths at t = 2 count as 1/4 + 1/3, variance 1/16 + 1/9", () => {
    const fit = nelsonAalen(y, { ctype: 2 });
    expect(fit.cumhaz[1]).toBeCloseTo(0.2 + 1 / 4 + 1 / 3, 14);
    expect(fit.stdChaz[1]).toBeCloseTo(Math.sqrt(1 / 25 + 1 / 16 + 1 / 9), 14);
  });
  it("stype 1: Kaplan–Meier beside the hazard, Greenwood std.err", () => {
    const fit = nelsonAalen(y, { stype: 1 });
    const km = kaplanMeier(y);
    fit.surv.forEach((s, i) => {
      expect(s).toBeCloseTo(km.steps[i].survival, 14);
    });
    // The last step has S = 0: Greenwood's variance is infinite there (null in both).
    expect(fit.stdErr[3]).toBeNull();
    expect(km.steps[3].stdErrLog).toBeNull();
    for (let i = 0; i < 3; i++) expect(fit.stdErr[i]).toBeCloseTo(km.steps[i].stdErrLog!, 14);
  });
  it("whole-number weights equal replicated rows", () => {
    const w = nelsonAalen(surv([1, 2, 3], [1, 0, 1]), { weights: [2, 1, 3] });
    const rep = nelsonAalen(surv([1, 1, 2, 3, 3, 3], [1, 1, 0, 1, 1, 1]));
    expect(w.robust).toBe(false);
    expect(w.cumhaz).toEqual(rep.cumhaz);
    expect(w.stdChaz).toEqual(rep.stdChaz);
    expect(w.nRisk).toEqual([6, 4, 3]);
  });
  it("counting-process rows: the risk set is start < t ≤ stop", () => {
    // (0,2] event, (1,3] event, (2,4] censored: at t = 2 rows 1 and 2 (start 0, 1) are at risk; row 3 enters after 2.
    const fit = nelsonAalen(survCounting([0, 1, 2], [2, 3, 4], [1, 1, 0]));
    expect(fit.nRisk).toEqual([2, 2, 1]);
    expect(fit.cumhaz[1]).toBeCloseTo(0.5 + 0.5, 14);
  });
});

describe("nelsonAalen properties", () => {
  it("H is non-decreasing, S = exp(−H) for stype 2, FH ≥ NA, and the CI brackets S", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.boolean()), { minLength: 1, maxLength: 40 }),
        (rows) => {
          const y = surv(
            rows.map((r) => r[0]),
            rows.map((r) => r[1]),
          );
          const na = nelsonAalen(y);
          const fh = nelsonAalen(y, { ctype: 2 });
          for (let i = 0; i < na.time.length; i++) {
            if (i > 0) expect(na.cumhaz[i]).toBeGreaterThanOrEqual(na.cumhaz[i - 1]);
            expect(na.surv[i]).toBeCloseTo(Math.exp(-na.cumhaz[i]), 14);
            expect(fh.cumhaz[i]).toBeGreaterThanOrEqual(na.cumhaz[i] - 1e-14);
            if (na.lower[i] !== null) expect(na.lower[i]!).toBeLessThanOrEqual(na.surv[i] + 1e-15);
            if (na.upper[i] !== null) expect(na.upper[i]!).toBeGreaterThanOrEqual(na.surv[i] - 1e-15);
          }
        },
      ),
      { seed: 18, numRuns: 200 },
    );
  });
});

describe("nelsonAalen input errors", () => {
  const y = surv([1, 2, 3], [1, 0, 1]);
  it("names the bad option", () => {
    expect(() => nelsonAalen(y, { ctype: 3 as 1 })).toThrow(/options\.ctype = 3/);
    expect(() => nelsonAalen(y, { stype: 0 as 1 })).toThrow(/options\.stype = 0/);
    expect(() => nelsonAalen(y, { confType: "probit" as "log" })).toThrow(/options\.confType = "probit"/);
    expect(() => nelsonAalen(y, { confLevel: 1 })).toThrow(/options\.confLevel = 1/);
    expect(() => nelsonAalen(y, { weights: [1, -2, 1] })).toThrow(/options\.weights\[1\] = -2/);
    expect(() => nelsonAalen(y, { weights: [1, 2] })).toThrow(/options\.weights/);
    expect(() => nelsonAalen({ time: [1] } as never)).toThrow(/y/);
  });
});

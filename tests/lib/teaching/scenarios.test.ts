import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kaplanMeier, kmQuantile, surv } from "../../../src/lib/survival";
import { censoringScenarios, handCheck, immortalTimeByDelay, medianCiBySampleSize } from "../../../src/lib/teaching";

const R = JSON.parse(readFileSync(join(__dirname, "../../fixtures/teaching/toy-cohort.json"), "utf8"));
const y = surv(R.toy.time, R.toy.status);

describe("censoringScenarios", () => {
  const sc = censoringScenarios(y, 3, [1, 5, 20], { label: "patient 4" });
  it("refits with the patient censored at each time (R: S(6) = 0.65625 when patient 4 is censored at 5)", () => {
    const s6 = (steps: readonly { time: number; survival: number }[]) =>
      steps.filter((s) => s.time <= 6).pop()?.survival;
    expect(s6(sc.scenarios[1].steps)).toBeCloseTo(R.variant_patient4_censored_at_5.s6, 12);
    expect(s6(sc.observed.steps)).toBeCloseTo(0.5625, 12);
    // Censored at 1, before any death: S(6) = (1 − 1/9)(1 − 1/7)(1 − 1/6)
    expect(s6(sc.scenarios[0].steps)).toBeCloseTo((8 / 9) * (6 / 7) * (5 / 6), 12);
    expect(sc.observed).toMatchObject({ time: 6, event: 1 });
    expect(sc.patientLabel).toBe("patient 4");
  });
  it("does not change the curve before the censoring time", () => {
    const early = (steps: readonly { time: number; survival: number }[]) =>
      steps.filter((s) => s.time < 5).map((s) => s.survival);
    expect(early(sc.scenarios[1].steps)).toEqual(early(sc.observed.steps));
  });
  it("validates the patient and the times", () => {
    expect(() => censoringScenarios(y, 10, [1])).toThrow(/patient = 10/);
    expect(() => censoringScenarios(y, 0, [])).toThrow(/times/);
    expect(() => censoringScenarios(y, 0, [-1])).toThrow(/times\[0\] = -1/);
  });
});

describe("medianCiBySampleSize", () => {
  const r = medianCiBySampleSize({ sizes: [20, 60, 200], seed: 7, trueMedian: 12, accrual: 36 });
  it("is seeded and nested; its intervals are kmQuantile's of each sample", () => {
    expect(medianCiBySampleSize({ sizes: [20, 60, 200], seed: 7, trueMedian: 12, accrual: 36 })).toEqual(r);
    expect(r.frames.map((f) => f.n)).toEqual([20, 60, 200]);
    for (const f of r.frames) {
      expect(f.intervals.map((i) => i.label)).toEqual([
        "R (log band, 95%)",
        "Brookmeyer–Crowley (95%)",
        "SPSS-style symmetric (95%)",
      ]);
    }
    expect(r.cohort.time.length).toBe(200);
    expect(r.frames[2].events).toBeGreaterThan(r.frames[0].events);
  });
  it("has a median near the truth with many patients", () => {
    const big = medianCiBySampleSize({ sizes: [50, 2000], seed: 3, trueMedian: 12, accrual: 60 }).frames[1];
    const [rInterval] = big.intervals;
    expect(Math.abs((rInterval.median as number) - 12)).toBeLessThan(1.5);
    expect(rInterval.lower! < 12 && 12 < rInterval.upper!).toBe(true);
  });
  it("validates its settings", () => {
    expect(() => medianCiBySampleSize({ sizes: [20], seed: 1, trueMedian: 1, accrual: 1 })).toThrow(/at least 2/);
    expect(() => medianCiBySampleSize({ sizes: [20, 10], seed: 1, trueMedian: 1, accrual: 1 })).toThrow(/sizes\[1\]/);
    expect(() => medianCiBySampleSize({ sizes: [2, 3], seed: 1, trueMedian: -1, accrual: 1 })).toThrow(/trueMedian/);
  });
  it("gives kmQuantile's numbers on the first n patients of the cohort", () => {
    for (const f of r.frames) {
      const fit = kaplanMeier(surv(r.cohort.time.slice(0, f.n), r.cohort.event.slice(0, f.n)));
      const methods = ["r", "brookmeyer-crowley", "spss"] as const;
      f.intervals.forEach((iv, k) => {
        const q = kmQuantile(fit, 0.5, { method: methods[k] });
        expect([iv.median, iv.lower, iv.upper]).toEqual([q.time, q.lower, q.upper]);
      });
      expect(f.steps.map((s) => s.survival)).toEqual(fit.steps.map((s) => s.survival));
      expect(f.events).toBe(fit.nEvents);
    }
  });
});

describe("immortalTimeByDelay", () => {
  const r = immortalTimeByDelay(
    {
      n: 150,
      replicates: 30,
      seed: 11,
      baselineHazard: Math.LN2 / 12,
      treatedFraction: 0.5,
      trueHazardRatio: 1,
      followUp: 24,
    },
    [0, 12],
  );
  it("with no delay the naive and time-dependent analyses agree; with a long delay the naive one finds a benefit", () => {
    expect(r.frames[0].naive.median).toBeCloseTo(r.frames[0].timeDependent.median, 10);
    expect(r.frames[1].naive.median).toBeLessThan(0.8);
    expect(Math.abs(Math.log(r.frames[1].timeDependent.median))).toBeLessThan(0.2);
    const f = r.frames[1];
    expect(f.naive.low).toBeLessThanOrEqual(f.naive.median);
    expect(f.naive.median).toBeLessThanOrEqual(f.naive.high);
    expect(f.example.curves.map((c) => c.label.replace(/ \(n = \d+\)/, ""))).toEqual(["ever treated", "never treated"]);
  });
  it("validates the delays", () => {
    expect(() => immortalTimeByDelay({ ...r.settings }, [3])).toThrow(/at least 2 delays/);
    expect(() => immortalTimeByDelay({ ...r.settings }, [3, 1])).toThrow(/delays\[1\] = 1/);
  });
});

describe("handCheck", () => {
  it("agrees within the tolerance, and on two nulls", () => {
    const c = handCheck([
      { quantity: "a", byHand: 0.1 + 0.2, library: 0.3 },
      { quantity: "b", byHand: null, library: null },
      { quantity: "c", byHand: 1e6, library: 1e6 * (1 + 1e-12) },
    ]);
    expect(c.allAgree).toBe(true);
    expect(c.rows.map((r) => r.mark)).toEqual(["✓", "✓", "✓"]);
  });
  it("disagrees on a difference or on one null", () => {
    const c = handCheck([
      { quantity: "a", byHand: 0.3, library: 0.3001 },
      { quantity: "b", byHand: null, library: 2 },
    ]);
    expect(c.allAgree).toBe(false);
    expect(c.rows.map((r) => r.agrees)).toEqual([false, false]);
  });
  it("rejects malformed rows", () => {
    expect(() => handCheck([])).toThrow(/non-empty/);
    expect(() => handCheck([{ quantity: "a", byHand: Number.NaN, library: 1 }])).toThrow(/values.byHand\[0\] = NaN/);
  });
});

import { describe, expect, it } from "vitest";
import { simulateSelection, type SelectionSimulationOptions } from "../../../src/lib/simulation/simulate-selection";

const base: SelectionSimulationOptions = {
  n: 100_000,
  replicates: 1,
  seed: 3,
  survival: { median: 12 },
  prognosis: { minimumMonths: 3, errorSd: 0 },
  followUp: { rule: "none", minimumMonths: 12, potentialMonths: [10_000, 10_000] },
};

describe("simulateSelection — known answers", () => {
  it("a perfect prognosis is left truncation: exponential median min + m, S(12) = 2^{−(12 − 3)/12}", () => {
    const r = simulateSelection(base);
    // Truncation at 3 keeps S(3) = 2^{−3/12} = 0.8409 of patients.
    expect(Math.abs(r.selected.meanN / base.n - 2 ** (-3 / 12))).toBeLessThan(4 * Math.sqrt((0.84 * 0.16) / base.n));
    // Median of T | T > 3 is 3 + 12 = 15; SE of a sample median ≈ 1 / (2 f(m) √n) with f(m) = ln2 / (2·12).
    const seMedian = 1 / (2 * (Math.LN2 / 24) * Math.sqrt(r.selected.meanN));
    expect(Math.abs(r.selected.meanMedian! - 15)).toBeLessThan(4 * seMedian);
    const s12 = 2 ** (-9 / 12); // 0.5946
    expect(Math.abs(r.selected.meanSurvivalAtHorizon - s12)).toBeLessThan(
      4 * Math.sqrt((s12 * (1 - s12)) / r.selected.meanN),
    );
    // The source cohort is the Weibull population itself.
    expect(Math.abs(r.source.meanSurvivalAtHorizon - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / base.n));
    expect(r.truth).toEqual({ median: 12, survivalAtHorizon: 0.5 });
  });

  it("Weibull truncation: selected S(12) = S(12) / S(3)", () => {
    const shape = 1.5;
    const r = simulateSelection({ ...base, survival: { median: 12, shape } });
    const S = (t: number) => 2 ** -((t / 12) ** shape);
    const expected = S(12) / S(3);
    expect(Math.abs(r.selected.meanSurvivalAtHorizon - expected)).toBeLessThan(
      4 * Math.sqrt((expected * (1 - expected)) / r.selected.meanN),
    );
  });

  it("the literal follow-up rule excludes every early death: survival at 12 months is exactly 1", () => {
    const r = simulateSelection({ ...base, n: 5000, followUp: { ...base.followUp, rule: "everyone" } });
    expect(r.selected.meanSurvivalAtHorizon).toBe(1);
  });

  it("a prognosis that carries no information does not shift survival", () => {
    // errorSd huge: the estimate is noise, the 3-month threshold selects about half at random.
    const r = simulateSelection({ ...base, prognosis: { minimumMonths: 3, errorSd: 1e6 } });
    expect(Math.abs(r.selected.meanSurvivalAtHorizon - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / r.selected.meanN));
  });

  it("the survivors' rule keeps early deaths but drops early survivors: survival is biased down (hand calculation)", () => {
    // Potential follow-up P ~ U(6, 18), exponential median 12, no prognosis criterion. A patient is kept if
    // P ≥ 12, or P < 12 and death by P. Among the kept nobody is censored before 12 months, so the KM S(12)
    // is the kept share with T > 12, which needs P ≥ 12: 0.5 · 0.5 = 0.25. Kept share:
    // 0.5 + (1/12)∫₆¹² (1 − 2^{−p/12}) dp = 0.5 + (6 − (12/ln 2)(2^{−1/2} − 2^{−1}))/12 = 0.70120.
    // Expected KM S(12) = 0.25 / 0.70120 = 0.35653, not the population's 0.5.
    const n = 100_000;
    const r = simulateSelection({
      ...base,
      n,
      prognosis: { minimumMonths: 0, errorSd: 0 },
      followUp: { rule: "survivors", minimumMonths: 12, potentialMonths: [6, 18] },
    });
    const kept = 0.5 + (6 - (12 / Math.LN2) * (2 ** -0.5 - 0.5)) / 12;
    const s12 = 0.25 / kept;
    expect(Math.abs(r.selected.meanN / n - kept)).toBeLessThan(4 * Math.sqrt((kept * (1 - kept)) / n));
    expect(Math.abs(r.selected.meanSurvivalAtHorizon - s12)).toBeLessThan(
      4 * Math.sqrt((s12 * (1 - s12)) / r.selected.meanN),
    );
  });
});

describe("simulateSelection — determinism and input", () => {
  it("same seed, same result; another seed differs", () => {
    const small = { ...base, n: 55, replicates: 20 };
    expect(JSON.stringify(simulateSelection(small))).toBe(JSON.stringify(simulateSelection(small)));
    expect(simulateSelection({ ...small, seed: 4 }).perReplicate.selectedMedian).not.toEqual(
      simulateSelection(small).perReplicate.selectedMedian,
    );
  });

  it("names the bad option", () => {
    expect(() => simulateSelection({ ...base, n: 0 })).toThrow(/n = 0/);
    expect(() => simulateSelection({ ...base, survival: { median: -1 } })).toThrow(/survival.median/);
    expect(() => simulateSelection({ ...base, followUp: { ...base.followUp, rule: "all" as never } })).toThrow(
      /followUp.rule/,
    );
    expect(() => simulateSelection({ ...base, followUp: { ...base.followUp, potentialMonths: [5, 2] } })).toThrow(
      /potentialMonths/,
    );
  });
});

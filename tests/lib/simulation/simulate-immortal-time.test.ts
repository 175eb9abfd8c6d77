import { describe, expect, it } from "vitest";
import { simulateImmortalTime, type ImmortalTimeSimulationOptions } from "../../../src/lib";

const base: ImmortalTimeSimulationOptions = {
  n: 400,
  replicates: 200,
  seed: 11,
  baselineHazard: Math.LN2 / 12,
  treatedFraction: 0.5,
  treatmentDelay: { kind: "uniform", min: 0, max: 6 },
  trueHazardRatio: 1,
  followUp: 24,
};

// Known answers, each to within 4 Monte Carlo standard errors of the mean log HR (empirical SE / √replicates).
const within = (s: { meanLogHr: number; empiricalSe: number; estimable: number }, truth: number) =>
  expect(Math.abs(s.meanLogHr - truth), `mean log HR ${s.meanLogHr} vs ${truth}`).toBeLessThan(
    4 * (s.empiricalSe / Math.sqrt(s.estimable)) + 0.01,
  );

describe("simulateImmortalTime — known answers", () => {
  it("treatment from time zero: no immortal time, naive = time-dependent, both unbiased", () => {
    const r = simulateImmortalTime({ ...base, treatmentDelay: { kind: "fixed", at: 0 } });
    within(r.summaries[0], 0);
    within(r.summaries[1], 0);
    expect(r.logHr[0]).toEqual(r.logHr[1]);
  });

  it("delayed treatment, useless drug: time-dependent unbiased, naive biased towards benefit", () => {
    const r = simulateImmortalTime({ ...base, landmark: 6 });
    within(r.summaries[1], 0);
    within(r.summaries[2], 0);
    // The naive estimate is far below 0: more than 10 Monte Carlo SEs.
    expect(r.summaries[0].meanLogHr).toBeLessThan(
      -10 * (r.summaries[0].empiricalSe / Math.sqrt(r.summaries[0].estimable)),
    );
    expect(r.summaries[0].coverage).toBeLessThan(r.summaries[1].coverage);
  });

  it("delayed treatment, HR 0.5: the time-dependent model recovers log 0.5", () => {
    const r = simulateImmortalTime({ ...base, trueHazardRatio: 0.5 });
    within(r.summaries[1], Math.log(0.5));
    expect(r.summaries[0].meanLogHr).toBeLessThan(Math.log(0.5));
  });

  it("the treated share is the planned share among those alive and followed at the start (hand: exponential, fixed delay)", () => {
    // P(treated) = 0.5 · P(T > 3) = 0.5 · 2^{−3/12} = 0.42045.
    const r = simulateImmortalTime({ ...base, replicates: 100, treatmentDelay: { kind: "fixed", at: 3 } });
    const p = 0.5 * 2 ** (-3 / 12);
    expect(Math.abs(r.meanTreatedShare - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / (base.n * 100)));
  });
});

describe("simulateImmortalTime — determinism and input", () => {
  it("same seed, same output; another seed differs", () => {
    const small = { ...base, n: 55, replicates: 20, referenceHazardRatio: 0.327 };
    expect(JSON.stringify(simulateImmortalTime(small))).toBe(JSON.stringify(simulateImmortalTime(small)));
    expect(simulateImmortalTime({ ...small, seed: 12 }).logHr[0]).not.toEqual(simulateImmortalTime(small).logHr[0]);
  });

  it("names the bad option", () => {
    expect(() => simulateImmortalTime({ ...base, treatedFraction: 1 })).toThrow(/treatedFraction = 1/);
    expect(() => simulateImmortalTime({ ...base, treatmentDelay: { kind: "uniform", min: 3, max: 1 } })).toThrow(
      /treatmentDelay/,
    );
    expect(() => simulateImmortalTime({ ...base, landmark: 30 })).toThrow(/landmark = 30/);
  });
});

describe("simulateImmortalTime — survival floor", () => {
  it("nobody dies before the floor, so treatment starting before it creates no immortal time", () => {
    // Floor 3, treatment uniformly in [0, 3]: every planned patient is treated, no early deaths to misclassify.
    const r = simulateImmortalTime({ ...base, survivalFloor: 3, treatmentDelay: { kind: "uniform", min: 0, max: 3 } });
    within(r.summaries[0], 0);
    within(r.summaries[1], 0);
    expect(Math.abs(r.meanTreatedShare - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / (base.n * base.replicates)));
  });

  it("treatment starting after the floor brings the bias back", () => {
    const r = simulateImmortalTime({ ...base, survivalFloor: 1, treatmentDelay: { kind: "uniform", min: 1, max: 7 } });
    within(r.summaries[1], 0);
    expect(r.summaries[0].meanLogHr).toBeLessThan(
      -10 * (r.summaries[0].empiricalSe / Math.sqrt(r.summaries[0].estimable)),
    );
  });
});

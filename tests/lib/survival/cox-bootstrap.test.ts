import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { surv } from "../../../src/lib/survival/surv";
import { coxPH } from "../../../src/lib/survival/cox-ph";
import { bootstrapResamples } from "../../../src/lib/survival/bootstrap-resamples";
import { coxBootstrap } from "../../../src/lib/survival/cox-bootstrap";
import { coxOptimism } from "../../../src/lib/survival/cox-optimism";
import { heuristicShrinkage } from "../../../src/lib/survival/heuristic-shrinkage";
import { expectAllClose, expectClose } from "../../helpers/expect-close";

interface BootCase {
  name: string;
  ties: "efron" | "breslow";
  time: number[];
  status: number[];
  names: string[];
  columns: number[][];
  resamples: number[][];
  coef: number[];
  replicateCoefficients: (number | null)[][];
  bootMean: number[];
  bootSe: number[];
  percentile: number[][];
  apparentC: number[];
  testC: number[];
  slope: (number | null)[];
  concordanceApparent: number;
  concordanceOptimism: number;
  concordanceCorrected: number;
  slopeCorrected: number;
  heuristicShrinkage: number;
}

const fixtures = JSON.parse(
  readFileSync(join(__dirname, "../../fixtures/survival-bootstrap/bootstrap-fixtures.json"), "utf8"),
) as { cases: BootCase[] };

describe.each(fixtures.cases)("bootstrap against R coxph on the same resamples: $name", (c) => {
  const y = surv(c.time, c.status);
  const x = { names: c.names, columns: c.columns };
  // Monotone-likelihood replicates stop where the iteration stops; R and we stop at slightly
  // different places, so those replicates are compared loosely and the rest to 1e-6.
  const boot = coxBootstrap(y, x, { resamples: c.resamples, ties: c.ties });
  const diverged = boot.coefficients.map((row) => row.some((v) => Math.abs(v) > 8));

  it("refits every resample as R does", () => {
    boot.coefficients.forEach((row, b) => {
      if (!diverged[b]) expectAllClose(row, c.replicateCoefficients[b], { label: `replicate ${b} coefficients` });
    });
  });

  it("summarizes like R (mean, SD, type-6 percentile limits)", () => {
    if (diverged.some(Boolean)) {
      // Divergent replicates are counted, and flagged once they reach into the α/2 tail.
      expect(boot.monotone).toBe(diverged.filter(Boolean).length);
      if (boot.monotone > 0.025 * boot.replicates) expect(boot.warnings.join(" ")).toContain("monotone likelihood");
      return;
    }
    boot.terms.forEach((t, j) => {
      expectClose(t.estimate, c.coef[j], { label: `${t.name} estimate` });
      expectClose(t.bootstrapMean, c.bootMean[j], { label: `${t.name} bootstrap mean` });
      expectClose(t.bootstrapSe, c.bootSe[j], { label: `${t.name} bootstrap SE` });
      expectClose(t.percentileLower, c.percentile[j][0], { label: `${t.name} percentile lower` });
      expectClose(t.percentileUpper, c.percentile[j][1], { label: `${t.name} percentile upper` });
      expectClose(t.hazardRatioUpper, Math.exp(c.percentile[j][1]), { label: `${t.name} HR upper` });
    });
  });

  it("computes Harrell's optimism and the calibration slope as R does", () => {
    const opt = coxOptimism(y, x, { resamples: c.resamples, ties: c.ties });
    expectClose(opt.concordance.apparent, c.concordanceApparent, { label: "apparent C" });
    expectClose(opt.heuristicShrinkage, c.heuristicShrinkage, { label: "heuristic shrinkage" });
    opt.perReplicate.apparentC.forEach((v, b) => {
      if (!diverged[b]) expectClose(v, c.apparentC[b], { label: `replicate ${b} apparent C` });
    });
    opt.perReplicate.testC.forEach((v, b) => {
      if (!diverged[b]) expectClose(v, c.testC[b], { label: `replicate ${b} test C` });
    });
    opt.perReplicate.slope.forEach((v, b) => {
      if (!diverged[b]) expectClose(v, c.slope[b], { label: `replicate ${b} slope` });
    });
    if (!diverged.some(Boolean)) {
      expectClose(opt.concordance.optimism, c.concordanceOptimism, { label: "C optimism" });
      expectClose(opt.concordance.corrected, c.concordanceCorrected, { label: "corrected C" });
      expectClose(opt.slope.corrected, c.slopeCorrected, { label: "corrected slope" });
      expectClose(opt.dxy.corrected, 2 * c.concordanceCorrected - 1, { label: "corrected Dxy" });
    }
  });
});

describe("bootstrapResamples", () => {
  it("is seeded: same seed, same resamples; indices in range", () => {
    const a = bootstrapResamples(30, 5, 42);
    expect(a.map((r) => Array.from(r))).toEqual(bootstrapResamples(30, 5, 42).map((r) => Array.from(r)));
    expect(a.map((r) => Array.from(r))).not.toEqual(bootstrapResamples(30, 5, 43).map((r) => Array.from(r)));
    for (const r of a) for (const i of r) expect(i >= 0 && i < 30).toBe(true);
  });

  it("draws each index with probability 1/n (known answer: P(index 0 absent) = (1 − 1/n)^n)", () => {
    const n = 20;
    const rs = bootstrapResamples(n, 20_000, 5);
    const absent = rs.filter((r) => !r.includes(0)).length / rs.length;
    const p = (1 - 1 / n) ** n; // 0.3585
    expect(Math.abs(absent - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / rs.length));
  });

  it("rejects bad arguments and malformed resamples, naming them", () => {
    expect(() => bootstrapResamples(0, 5, 1)).toThrow(/n/);
    expect(() => bootstrapResamples(5, 1.5, 1)).toThrow(/replicates/);
    const y = surv([1, 2, 3], [1, 0, 1]);
    const x = { names: ["x"], columns: [[0, 1, 1]] };
    expect(() => coxBootstrap(y, x, { resamples: [[0, 1]] })).toThrow(/resample has 2 indices, expected n = 3/);
    expect(() => coxBootstrap(y, x, { resamples: [[0, 1, 3]] })).toThrow(/resamples\[0\].*= 3/);
  });
});

describe("heuristicShrinkage (hand calculation)", () => {
  it("is (LR − p) / LR", () => {
    // aml by maintenance, Efron: R coxph LR χ² = 3.382659 (2 × (−40.92 + 42.61)); (3.382659 − 1) / 3.382659 = 0.70437
    const y = surv(
      [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161, 5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
      [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
    );
    const fit = coxPH(y, {
      names: ["maintained"],
      columns: [[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
    });
    const lr = fit.likelihoodRatioTest.statistic!;
    expect(heuristicShrinkage(fit)).toBeCloseTo((lr - 1) / lr, 12);
    expect(heuristicShrinkage(fit, 4)).toBeCloseTo((lr - 4) / lr, 12);
    expect(() => heuristicShrinkage(fit, 0)).toThrow(/parameters/);
  });
});

describe("coxBootstrap input", () => {
  it("refuses counting-process data: patients, not rows, are resampled", async () => {
    const { survCounting } = await import("../../../src/lib/survival/surv");
    const y = survCounting([0, 0, 2], [2, 3, 5], [0, 1, 1]);
    expect(() => coxBootstrap(y, { names: ["x"], columns: [[0, 1, 1]] })).toThrow(/right-censored/);
  });
});

import { describe, expect, it } from "vitest";
import { surv } from "../../../src/lib/survival/surv";
import type { CoxResult } from "../../../src/lib/survival/cox-ph";
import {
  bootstrapResamples,
  coxBootstrap,
  coxOptimism,
  heuristicShrinkage,
  screenMultiplicity,
  simulateSelection,
} from "../../../src/lib";
import { screenBootstrap } from "../../../src/paper/limitations";
import { univariateScreen } from "../../../src/paper/reproduction/univariate-screen";
import { shippedStudy } from "../reproduction/shipped-study";

// Each @example of the bootstrap, shrinkage, multiplicity and selection functions, run as written.
describe("doc-comment examples of src/limitations give the outputs they state", () => {
  it("bootstrapResamples", () => {
    expect(bootstrapResamples(4, 2, 1).map((r) => Array.from(r))).toEqual([
      [0, 1, 3, 2],
      [3, 2, 3, 2],
    ]);
  });

  it("coxBootstrap", () => {
    const y = surv([2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1]);
    const fit = coxBootstrap(
      y,
      { names: ["x"], columns: [[1, 0, 1, 1, 0, 0, 1, 0, 1, 0]] },
      { replicates: 99, seed: 1 },
    );
    expect(fit.terms[0].estimate).toBeCloseTo(0.31559, 5);
  });

  it("coxOptimism", () => {
    const y = surv([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13], [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1]);
    const x = { names: ["x"], columns: [[1, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1]] };
    expect(coxOptimism(y, x, { replicates: 50, seed: 2 }).concordance.apparent).toBeCloseTo(0.47917, 5);
  });

  it("heuristicShrinkage", () => {
    expect(heuristicShrinkage({ likelihoodRatioTest: { statistic: 10.2, df: 2 } } as CoxResult)).toBeCloseTo(
      0.80392,
      5,
    );
  });

  it("screenMultiplicity", () => {
    const r = screenMultiplicity(
      [
        { label: "ODI 1 m", p: 0.019 },
        { label: "visceral", p: 0.023 },
        { label: "BMA", p: 0.013 },
      ],
      { tests: 43, unreportedAbove: 0.05 },
    );
    expect(r.rows[2].adjusted.holm).toBeCloseTo(0.559, 12);
  });

  it("univariateScreen and screenBootstrap", () => {
    const { study } = shippedStudy();
    expect(univariateScreen(study).length).toBe(43);
    expect(screenBootstrap(study, { replicates: 20, seed: 1 }).frequencies.at(-1)!.factor).toBe("postoperative BMA");
  });

  it("simulateSelection", () => {
    const r = simulateSelection({
      n: 2000,
      replicates: 1,
      seed: 1,
      survival: { median: 12 },
      prognosis: { minimumMonths: 3, errorSd: 0 },
      followUp: { rule: "none", minimumMonths: 12, potentialMonths: [1000, 1000] },
    });
    expect(r.selected.meanMedian).toBeCloseTo(14.716, 3);
  });
});

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pAdjust } from "../../../src/lib/hypothesis/p-adjust";
import { screenMultiplicity } from "../../../src/lib/hypothesis/screen-multiplicity";

// The paper's screen (§4.4): 43 factors, three printed significant, the rest "not significant".
const reported = [
  { label: "ODI at 1 month", p: 0.019 },
  { label: "visceral metastases", p: 0.023 },
  { label: "postoperative BMA", p: 0.013 },
];

describe("screenMultiplicity", () => {
  it("matches R p.adjust with the unreported p-values at their bound", () => {
    // R 4.2.2: p <- c(0.019, 0.023, 0.013, rep(0.05, 40)); p.adjust(p, m)[1:3]
    //   bonferroni 0.817 0.989 0.559 | holm 0.798 0.943 0.559 | hochberg 0.05 0.05 0.05 | BH 0.05 0.05 0.05
    const r = screenMultiplicity(reported, { tests: 43, unreportedAbove: 0.05 });
    const col = (m: string) => r.rows.map((row) => row.adjusted[m]);
    expect(col("bonferroni").map((v) => +v.toFixed(10))).toEqual([0.817, 0.989, 0.559]);
    expect(col("holm").map((v) => +v.toFixed(10))).toEqual([0.798, 0.943, 0.559]);
    expect(col("hochberg")).toEqual([0.05, 0.05, 0.05]);
    expect(col("BH")).toEqual([0.05, 0.05, 0.05]);
    // Hand: 43 × 0.05 = 2.15 expected false positives; 1 − 0.95^43 = 0.88982.
    expect(r.expectedFalsePositives).toBeCloseTo(2.15, 12);
    expect(r.familywiseErrorRate).toBeCloseTo(0.88982, 5);
    expect(r.rows.every((row) => Object.values(row.canSurvive).every((v) => v === false))).toBe(true);
  });

  it("gives bounds: any unreported values above the threshold adjust the reported ones at least as much", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.0501, max: 1, noNaN: true }), { minLength: 40, maxLength: 40 }),
        (unreported) => {
          const bound = screenMultiplicity(reported, { tests: 43, unreportedAbove: 0.05 });
          const all = [...reported.map((r) => r.p), ...unreported];
          for (const m of ["bonferroni", "holm", "hochberg", "BH"] as const) {
            const actual = pAdjust(all, { method: m });
            bound.rows.forEach((row, i) => {
              expect(actual[i]).toBeGreaterThanOrEqual(row.adjusted[m] - 1e-15);
            });
          }
        },
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it("lets a strong finding survive (known answer: Holm with p = 0.0001 of 10 tests → 0.001)", () => {
    const r = screenMultiplicity([{ label: "strong", p: 0.0001 }], {
      tests: 10,
      unreportedAbove: 0.05,
      methods: ["holm"],
    });
    expect(r.rows[0].adjusted.holm).toBeCloseTo(0.001, 15);
    expect(r.rows[0].canSurvive.holm).toBe(true);
  });

  it("rejects impossible inputs, naming them", () => {
    expect(() => screenMultiplicity(reported, { tests: 2, unreportedAbove: 0.05 })).toThrow(/options.tests/);
    expect(() => screenMultiplicity([{ label: "x", p: 1.2 }], { tests: 3, unreportedAbove: 0.05 })).toThrow(
      /reported.p\[0\]/,
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  descriptivesToHtml,
  formatMeanSd,
  formatMedianIqr,
  formatNPercent,
  meanSd,
  medianIqr,
  quantile,
  type QuantileType,
} from "../../../src/lib/hypothesis";
import { expectAllClose, expectClose } from "../../helpers/expect-close";
import { ref } from "./fixture";

describe("quantile types 1–9 match R quantile()", () => {
  for (const key of ["quantile", "quantile_even"] as const) {
    const c = ref[key];
    for (let type = 1; type <= 9; type++) {
      it(`${key} type ${type}`, () => {
        expectAllClose(quantile(c.x, c.probs, { type: type as QuantileType }), c.types[type - 1], {
          rel: 1e-12,
          abs: 1e-12,
          label: `type ${type}`,
          input: c.x,
        });
      });
    }
  }
  it("SPSS default is HAVERAGE = type 6, R default is type 7 (hand: 1..8 at 0.25 → 2.25 vs 2.75)", () => {
    // type 6: position p(n + 1) = 2.25 → 2 + 0.25·(3 − 2); type 7: 1 + p(n − 1) = 2.75
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8], [0.25])).toEqual([2.25]);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8], [0.25], { convention: "r" })).toEqual([2.75]);
  });
  it("a single probability gives a single number, as R's quantile(x, 0.5)", () => {
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8], 0.25)).toBe(2.25);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8], 0.25, { type: 7 })).toBe(2.75);
    expect(() => quantile([1, 2], 1.5)).toThrow(/probs = 1.5: a probability must be in \[0, 1\]/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(/probs = NaN/);
  });
});

describe("summaries and the paper's print styles", () => {
  it("medianIqr uses type 6 and is frozen", () => {
    const s = medianIqr([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(s).toEqual({ n: 8, median: 4.5, p25: 2.25, p75: 6.75, min: 1, max: 8, quantileType: 6 });
    expect(Object.isFrozen(s)).toBe(true);
  });
  it("meanSd: mean 5 and SD sqrt(32/7) for [2, 4, 4, 4, 5, 5, 7, 9]", () => {
    const s = meanSd([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.mean).toBe(5);
    expectClose(s.sd, Math.sqrt(32 / 7), { rel: 1e-12 });
  });
  it('prints "5.00 (3.00, 7.00)", "57.36 ± 10.38" and "45 (81.82%)" as the paper does', () => {
    expect(formatMedianIqr({ median: 5, p25: 3, p75: 7 })).toBe("5.00 (3.00, 7.00)");
    expect(formatMeanSd({ mean: 57.3636, sd: 10.3849 })).toBe("57.36 ± 10.38");
    expect(formatNPercent(45, 55)).toBe("45 (81.82%)"); // 4500/55 = 81.8181…
    expect(formatNPercent(17, 32)).toBe("17 (53.13%)"); // 53.125 rounds half away from zero, as Table 5
  });
  it("renders an HTML table of summaries", () => {
    const html = descriptivesToHtml([
      { label: "VAS before", summary: medianIqr([3, 5, 7]) },
      { label: "Age", summary: meanSd([50, 60, 70]) },
    ]);
    expect(html).toContain("VAS before");
    expect(html).toContain("5.00 (3.00, 7.00)");
    expect(html).toContain("60.00 ± 10.00");
  });
});

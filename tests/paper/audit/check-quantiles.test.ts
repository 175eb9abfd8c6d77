import { describe, expect, it } from "vitest";
import {
  checkQuantileFeasibility,
  quantileAttainable,
  scaleValues,
} from "../../../src/paper/audit/check-quantile-feasibility";
import { entry, R, registryOf } from "./audit-test-kit";

const VAS = { type: "integer" as const, min: 0, max: 10 };
const ODI = { type: "odi" as const, min: 0, max: 100 };
const printed = (x: number) => ({ number: Math.round(x * 100) / 100, decimals: 2 });

describe("quantileAttainable (SPSS HAVERAGE = R quantile type 6)", () => {
  it("finds R's type-6 quartiles of a VAS sample (n = 13) attainable, and 4.25 at the median not (position 7 is one score)", () => {
    const n = R.quantile_type6.x.length;
    const [q1, q2, q3] = R.quantile_type6.q as number[];
    expect(quantileAttainable(printed(q1), 0.25, n, scaleValues(VAS))).not.toBeNull();
    expect(quantileAttainable(printed(q2), 0.5, n, scaleValues(VAS))).not.toBeNull();
    expect(quantileAttainable(printed(q3), 0.75, n, scaleValues(VAS))).not.toBeNull();
    expect(quantileAttainable({ number: 4.25, decimals: 2 }, 0.5, n, scaleValues(VAS))).toBeNull();
  });

  it("finds R's type-6 quartiles of an ODI sample (n = 12, one score 400/9 from a skipped section) attainable", () => {
    const n = R.quantile_type6_odi.x.length;
    (R.quantile_type6_odi.q as number[]).forEach((q, k) => {
      expect(quantileAttainable(printed(q), [0.25, 0.5, 0.75][k], n, scaleValues(ODI)), `q${k} = ${q}`).not.toBeNull();
    });
  });

  it("lists ODI scores: 2k and 100j/45 (e.g. 84.44 = 38/45, 93.33 = 42/45), not 57.5", () => {
    const v = scaleValues(ODI);
    expect(v.some((x) => Math.abs(x - 8444.44 / 100) < 0.005)).toBe(true);
    expect(v.some((x) => Math.abs(x - 93.333) < 0.001)).toBe(true);
    expect(v.some((x) => Math.abs(x - 57.5) < 0.005)).toBe(false);
  });
});

describe("checkQuantileFeasibility", () => {
  const reg = (m: string, q1: string, q3: string, scale: object, n?: string) =>
    registryOf([
      ...(n ? [entry("n", n, "count")] : []),
      entry("m", m, "median", { scale, relations: { lower: "a", upper: "b", ...(n ? { denominator: "n" } : {}) } }),
      entry("a", q1, "quartile-lower"),
      entry("b", q3, "quartile-upper"),
    ]);

  it("accepts VAS 5.00 (3.00, 7.00) with n = 55 (positions 14, 28, 42 are single integer scores)", () => {
    expect(checkQuantileFeasibility(reg("5.00", "3.00", "7.00", VAS, "55"), "m", 55).verdict).toBe("passes");
  });

  it("catches VAS 5.50 with n = 55 (position 28 is one integer score)", () => {
    expect(checkQuantileFeasibility(reg("5.50", "3.00", "7.00", VAS, "55"), "m", 55).verdict).toBe("finding");
  });

  it("catches ODI 57.50 (25.00, 82.50) with n = 55: 57.5/2 = 28.75 and 57.5·45/100 = 25.875 are not integers", () => {
    const f = checkQuantileFeasibility(reg("57.50", "25.00", "82.50", ODI, "55"), "m", 55);
    expect(f.verdict).toBe("finding");
    expect(f.explanation).toContain("57.50 NOT attainable");
  });

  it("with n unknown, lists the n that work: VAS 5.50 is a median for even n only", () => {
    const f = checkQuantileFeasibility(reg("5.50", "3.00", "7.00", VAS), "m", 12);
    expect(f.verdict).toBe("passes");
    // Hand: odd n puts the median at an integer position (one score); even n averages two: (5 + 6)/2.
    expect(f.recomputed.feasibleN).toEqual([2, 4, 6, 8, 10, 12].filter((n) => n >= 2));
  });
});
